/**
 * What every notebook ends with: a {@link org.dltips.lesson.Results} table (shown as HTML, read as JSON by the
 * notebook tests), {@link org.dltips.lesson.Check}s that the lesson reproduced, and the lecture's
 * "optimization or generalization?" {@link org.dltips.lesson.Diagnosis}; its table of methods
 * ({@link org.dltips.lesson.MethodTable}: which {@link org.dltips.lesson.Step} a method changes, and what it helped);
 * and, for the homework notebook, a {@link org.dltips.lesson.Homework} that grades each attempt with
 * {@link org.dltips.lesson.Feedback}: the {@link org.dltips.lesson.Tier} reached and which kind of tip helps next.
 *
 * <p>{@code Diagnosis.of(history.epochs())}
 */
package org.dltips.lesson;
