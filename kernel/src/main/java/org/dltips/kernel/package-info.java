/** The dltips Jupyter kernel: Java cells run by JShell in the kernel's own process. */
package org.dltips.kernel;
