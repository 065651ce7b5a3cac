/** Text formatting and table layout shared by the lesson tools; not part of the public API. */
package org.dltips.lesson.internal;
