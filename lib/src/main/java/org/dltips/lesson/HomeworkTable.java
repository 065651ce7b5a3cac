package org.dltips.lesson;

import java.util.List;
import org.dltips.lesson.internal.Text;

/** The HTML tables of the homework: the tiers with the one reached marked, and the attempts so far. */
final class HomeworkTable {

    private HomeworkTable() {
    }

    /** The three tiers, their target test accuracy and a check mark on those reached. */
    static String tiers(Targets targets, Tier reached, double train, double test) {
        StringBuilder html = new StringBuilder("<table class=\"dltips-tiers\"><thead><tr><th style=\"text-align:left\">"
                + "tier</th><th>test accuracy needed</th><th>reached</th></tr></thead><tbody>");
        for (Tier tier : List.of(Tier.PASS, Tier.STRONG, Tier.BOSS)) {
            html.append("<tr><td style=\"text-align:left\">").append(tier.label()).append("</td><td>")
                    .append(Text.fixed(targets.accuracyFor(tier), 2)).append("</td><td>")
                    .append(reached.atLeast(tier) ? "✓" : "").append("</td></tr>");
        }
        return html.append("</tbody></table><p>This attempt: training accuracy ").append(Text.fixed(train, 3))
                .append(", test accuracy ").append(Text.fixed(test, 3)).append(".</p>").toString();
    }

    /** One row per attempt: name, training and test accuracy, tier, diagnosis or problem. */
    static String attempts(String homework, List<Feedback> attempts) {
        StringBuilder html = new StringBuilder("<table class=\"dltips-attempts\">\n<caption>Attempts in ")
                .append(Text.html(homework)).append("</caption>\n<thead><tr><th style=\"text-align:left\">attempt</th>"
                        + "<th>train accuracy</th><th>test accuracy</th><th>tier</th>"
                        + "<th style=\"text-align:left\">diagnosis</th></tr></thead>\n<tbody>\n");
        for (Feedback f : attempts) {
            String diagnosis = f.problem() != null ? "could not be graded" : f.verdict().meaning();
            html.append("<tr><td style=\"text-align:left\">").append(Text.html(f.attempt())).append("</td><td>")
                    .append(Text.fixed(f.trainAccuracy(), 3)).append("</td><td>")
                    .append(Text.fixed(f.testAccuracy(), 3)).append("</td><td>").append(f.tier().label())
                    .append("</td><td style=\"text-align:left\">").append(Text.html(diagnosis)).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }
}
