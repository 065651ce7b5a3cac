/**
 * Tablesaw tables of training runs. {@code Tables.runs(Map.of("SGD", sgd.epochs(), "Adam", adam.epochs()))}
 */
package org.dltips.table;
