package org.dltips.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dltips.kernel.internal.CellStreams;
import org.dltips.kernel.internal.MemoryHistory;

/**
 * Builds a {@link DltipsKernel}; cell output goes through {@link CellStreams}.
 *
 * <p>{@code DltipsKernel kernel = new KernelBuilder().streams(streams).build();}
 */
public final class KernelBuilder extends BaseKernelBuilder<KernelBuilder, DltipsKernel> {

    /** The kernel's version, from the jar manifest when built by Maven. */
    public static final String VERSION = versionOf();

    private CellStreams streams;

    KernelBuilder() {
        name("dltips");
        version(VERSION);
    }

    /** Where cell output goes; by default a new {@link CellStreams} that the caller installs. */
    public KernelBuilder streams(CellStreams cellStreams) {
        this.streams = cellStreams;
        return this;
    }

    @Override
    public DltipsKernel build() {
        CellStreams s = streams != null ? streams : new CellStreams();
        LanguageInfo language = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
        MagicParser magics = new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler());
        return new DltipsKernel(buildName(), buildVersion(), language, new MemoryHistory(),
                buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(), magics,
                buildMagicsRegistry(), buildErrorStyler(), s);
    }

    private static String versionOf() {
        String v = KernelBuilder.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
