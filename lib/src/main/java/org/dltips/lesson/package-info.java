/**
 * What every notebook ends with: a {@link org.dltips.lesson.Results} table (shown as HTML, read as JSON by the
 * notebook tests), {@link org.dltips.lesson.Check}s that the lesson reproduced, and the lecture's
 * "optimization or generalization?" {@link org.dltips.lesson.Diagnosis}, and its table of methods
 * ({@link org.dltips.lesson.MethodTable}: which {@link org.dltips.lesson.Step} a method changes, and what it helped).
 *
 * <p>{@code Diagnosis.of(history.epochs())}
 */
package org.dltips.lesson;
