package org.dltips.kernel.execution;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The source of a declaration, found in the source roots contextual help reads ({@link JavadocSources}):
 * {@code Math.max} with two parameters is {@code public static int max(int a, int b) { return ... }}.
 * The Javadoc comment is left out (the help shows it already), and a long declaration is cut.
 *
 * <p>{@code Declarations.find(roots, "java.lang.Math", "max", Set.of(2))  // the four overloads' sources}
 */
final class Declarations {

    static final int MAX_LINES = 40;

    private Declarations() {
    }

    /**
     * The sources of the members called {@code member} of the type {@code type} (a nested type is looked up in
     * its outer file) with one of {@code arities} parameters (any arity for fields and types); empty when the
     * sources are not there.
     */
    static List<String> find(List<Path> roots, String type, String member, Set<Integer> arities) {
        String source = read(roots, type);
        if (source == null) {
            return List.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null,
                List.of(new SimpleJavaFileObject(URI.create("string:///Source.java"), SimpleJavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                }));
        List<String> found = new ArrayList<>();
        try {
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                new TreeScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree tree, String outer) {
                        String name = tree.getSimpleName().toString();
                        boolean nested = outer != null && outer.equals(simple) && name.equals(member);
                        boolean itself = outer == null && name.equals(simple) && member.equals(simple)
                                && arities.isEmpty();
                        if (nested || itself) {
                            found.add(header(source, unit, positions, tree));
                            return null;
                        }
                        return super.visitClass(tree, name);
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, String outer) {
                        String name = tree.getName().toString().equals("<init>") ? outer : tree.getName().toString();
                        if (simple.equals(outer) && member.equals(name)
                                && (arities.isEmpty() || arities.contains(tree.getParameters().size()))) {
                            found.add(text(source, unit, positions, tree));
                        }
                        return null;
                    }

                    @Override
                    public Void visitVariable(VariableTree tree, String outer) {
                        if (simple.equals(outer) && tree.getName().contentEquals(member)) {
                            found.add(text(source, unit, positions, tree));
                        }
                        return null;
                    }
                }.scan(unit, null);
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return found;
    }

    /** The declaration's text from its modifiers to its end, at most {@link #MAX_LINES} lines. */
    private static String text(String source, CompilationUnitTree unit, SourcePositions positions, Tree tree) {
        int start = (int) positions.getStartPosition(unit, tree);
        int end = (int) positions.getEndPosition(unit, tree);
        String text = source.substring(start, Math.max(start, end));
        int lineStart = source.lastIndexOf('\n', start) + 1;
        String indent = source.substring(lineStart, start).isBlank() ? source.substring(lineStart, start) : "";
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
        }
        if (lines.size() > MAX_LINES) {
            int more = lines.size() - MAX_LINES;
            lines = new ArrayList<>(lines.subList(0, MAX_LINES));
            lines.add("    ... (" + more + " more lines)");
        }
        return String.join("\n", lines);
    }

    /** A type's declaration line, up to its opening brace. */
    private static String header(String source, CompilationUnitTree unit, SourcePositions positions, ClassTree tree) {
        String text = text(source, unit, positions, tree);
        int brace = text.indexOf('{');
        return brace < 0 ? text : text.substring(0, brace).strip();
    }

    /** The source file of {@code type} (or of its outer type) in the first root that has it. */
    private static String read(List<Path> roots, String type) {
        String name = type;
        while (!name.isEmpty()) {
            String file = name.replace('.', '/') + ".java";
            for (Path root : roots) {
                Path folder = JavadocSources.folder(root);
                Path candidate = folder == null ? null : folder.resolve(file);
                if (candidate != null && Files.isRegularFile(candidate)) {
                    try {
                        return Files.readString(candidate, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return null;
                    }
                }
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? "" : name.substring(0, dot);
        }
        return null;
    }
}
