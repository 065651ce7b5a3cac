package org.dltips.lesson;

import org.dltips.lesson.internal.Text;

/**
 * The homework's hints: which KIND of tip helps now (optimization or generalization), never which tip. The
 * notebooks that teach each kind are named so students know where to look.
 */
final class HomeworkHints {

    static final String OPTIMIZATION = "Work on optimization first: the network does not fit even the images it "
            + "learns from, so no tip against overfitting can help yet. Look among the tips that make training "
            + "work (notebooks 1 to 5, 7 to 9 and 11), change one thing at a time and read the training accuracy "
            + "after each change.";

    static final String GENERALIZATION = "Training works; now work on generalization: the network fits its "
            + "training set but does much worse on the test set. Look among the tips that help a network on data "
            + "it did not learn from (notebooks 6, 10 and 12), and keep what made training work.";

    static final String WEAK_ON_BOTH = "The network is about as good on the test set as on the training set, so "
            + "it is not overfitting; it is not good enough on either. Make it fit the training set better first "
            + "(the optimization tips), then look at the test set again.";

    static final String TOP = "Top tier reached: there is nothing left to fix for this homework. The exercises at "
            + "the end suggest what to explore next.";

    private HomeworkHints() {
    }

    /** The hint for a graded attempt. */
    static String forAttempt(Verdict verdict, Tier tier, Targets targets) {
        Tier next = tier.next();
        if (next == null) {
            return TOP;
        }
        String base = switch (verdict) {
            case FAILED_TRAINING, OPTIMIZATION -> OPTIMIZATION;
            case GENERALIZATION -> GENERALIZATION;
            case GOOD -> WEAK_ON_BOTH;
        };
        return base + " Next: the " + next.label() + " tier at test accuracy " + Text.number(targets.accuracyFor(next))
                + ".";
    }
}
