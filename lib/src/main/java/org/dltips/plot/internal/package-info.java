/** Drawing code behind {@link org.dltips.plot.Plots}; not part of the public API and free to change. */
package org.dltips.plot.internal;
