package org.dltips.kernel.magic;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dltips.kernel.execution.CellEvaluator;
import org.dltips.kernel.execution.CellFailure;
import org.dltips.kernel.execution.CellResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The kernel's magics: {@code %name args} lines among Java and {@code %%name} cells, listed by {@code %lsmagic}.
 * A cell without magics runs exactly as Java.
 *
 * <p>{@code evaluator.runner(new Magics(publisher::show));  // then "%time net.fit(...)" works in a cell}
 */
public final class Magics implements CellEvaluator.CellRunner {

    /** {@code %name args}; {@code line} is the cell line it is on. */
    interface LineMagic {
        CellResult run(String args, int line, MagicContext context) throws CellFailure;
    }

    /** {@code %%name args} and the rest of the cell, which starts on cell line {@code bodyLine}. */
    interface CellMagic {
        CellResult run(String args, String body, int bodyLine, MagicContext context) throws CellFailure;
    }

    private record Entry<T>(T magic, String usage, String summary) {
    }

    private final Map<String, Entry<LineMagic>> lineMagics = new TreeMap<>();
    private final Map<String, Entry<CellMagic>> cellMagics = new TreeMap<>();
    private final Consumer<DisplayData> show;

    /** @param show publishes a display in the running cell */
    public Magics(Consumer<DisplayData> show) {
        this.show = show;
        lineMagics.put("lsmagic", new Entry<>((args, line, c) -> list(), "%lsmagic", "lists the magics"));
        lineMagics.put("time", new Entry<>(TimeMagic::line, "%time CODE",
                "runs the Java on the rest of the line, shows its value and prints wall and CPU time"));
        cellMagics.put("time", new Entry<>(TimeMagic::cell, "%%time",
                "runs the cell and prints its wall and CPU time"));
        lineMagics.put("maven", new Entry<>(new MavenMagic(), "%maven GROUP:ARTIFACT:VERSION ...",
                "downloads artifacts with their dependencies (Maven Central, or ~/.m2/settings.xml) and adds them"));
        lineMagics.put("jars", new Entry<>(ClassPathMagics::jars, "%jars PATH ...",
                "adds jars to the class path: files, globs such as lib/*.jar, or folders of jars"));
        lineMagics.put("classpath", new Entry<>(ClassPathMagics::classpath, "%classpath [PATH ...]",
                "lists the class path; with paths, adds class folders or jars to it"));
        lineMagics.put("load", new Entry<>(Magics::load, "%load FILE",
                "runs a .java or .jshell file as if it were this cell"));
        cellMagics.put("html", new Entry<>((args, body, line, c) -> display(c, "text/html", body), "%%html",
                "shows the cell as HTML"));
        cellMagics.put("markdown", new Entry<>((args, body, line, c) -> display(c, "text/markdown", body),
                "%%markdown", "shows the cell as Markdown"));
    }

    @Override
    public CellResult run(String code, CellEvaluator.Host host) throws CellFailure {
        List<MagicScanner.Part> parts = MagicScanner.magicParts(code);
        if (parts.isEmpty()) {
            return host.java(code);
        }
        MagicContext context = new MagicContext(this, host, show);
        CellResult result = CellResult.NONE;
        for (MagicScanner.Part part : parts) {
            if (part instanceof MagicScanner.Java java) {
                result = context.java(java.code(), java.line());
            } else if (part instanceof MagicScanner.Line line) {
                result = lineMagic(line.name(), line.line()).run(line.args(), line.line(), context);
            } else if (part instanceof MagicScanner.Cell cell) {
                Entry<CellMagic> entry = cellMagics.get(cell.name());
                if (entry == null) {
                    throw unknown("%%" + cell.name(), cell.line());
                }
                result = entry.magic().run(cell.args(), cell.body(), cell.line() + 1, context);
            }
        }
        return result;
    }

    private LineMagic lineMagic(String name, int line) throws CellFailure {
        if (name.startsWith("%")) {
            throw MagicError.of("%" + name + " on line " + line + " is a cell magic: it must be the first line of"
                    + " the cell. Move it to the top, or put the code in a cell of its own.");
        }
        Entry<LineMagic> entry = lineMagics.get(name);
        if (entry == null) {
            throw unknown("%" + name, line);
        }
        return entry.magic();
    }

    private CellFailure unknown(String name, int line) {
        return MagicError.of(name + " on line " + line + " is not a magic of this kernel. Line magics: "
                + String.join(" ", lineMagics.keySet().stream().map(n -> "%" + n).toList()) + "; cell magics: "
                + String.join(" ", cellMagics.keySet().stream().map(n -> "%%" + n).toList())
                + ". (For the remainder operator, write the % after an operand: a % b.)");
    }

    private CellResult list() {
        StringBuilder out = new StringBuilder("Line magics (a line of their own among Java):\n");
        lineMagics.values().forEach(e -> out.append(String.format("  %-36s %s%n", e.usage(), e.summary())));
        out.append("Cell magics (the first line of a cell):\n");
        cellMagics.values().forEach(e -> out.append(String.format("  %-36s %s%n", e.usage(), e.summary())));
        System.out.print(out);
        return CellResult.NONE;
    }

    private static CellResult display(MagicContext context, String mime, String body) {
        DisplayData data = new DisplayData(body);
        data.putData(mime, body);
        context.show(data);
        return CellResult.NONE;
    }

    private static CellResult load(String args, int line, MagicContext context) throws CellFailure {
        String name = unquote(args);
        if (name.isEmpty()) {
            throw MagicError.of("%load needs a file, e.g. %load helpers.jshell");
        }
        Path file = MagicContext.resolve(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MagicError.of("%load could not read " + file + " (" + e.getClass().getSimpleName()
                    + "); relative paths start from " + Path.of("").toAbsolutePath());
        }
        int n = 0;
        for (String l : text.split("\n", -1)) {
            n++;
            if (l.stripLeading().startsWith("/") && !l.stripLeading().startsWith("//")
                    && !l.stripLeading().startsWith("/*")) {
                throw MagicError.of("%load runs Java, and line " + n + " of " + file.getFileName()
                        + " is a JShell command (" + l.strip() + "); take it out or use the matching magic");
            }
        }
        return context.cell(text);
    }

    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
