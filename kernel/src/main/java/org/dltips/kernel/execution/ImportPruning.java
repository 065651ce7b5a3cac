package org.dltips.kernel.execution;

import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

import org.dltips.kernel.internal.KernelLog;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a cell as cheap to compile after two thousand cells as after twenty.
 *
 * <p>JShell compiles each snippet in a class that imports every variable and method declared so far, one line
 * each, and javac reads one class file per line: left alone, a cell costs more the longer the session. A
 * compile only needs the names its code mentions, so while a snippet is evaluated the import lines of
 * variables and methods whose names it does not mention are left out. The compiles JShell does along the way
 * for other snippets (those that mention a name the new snippet declares, recompiled because of it) keep the
 * names they mention too. Type declarations and import statements are always kept, and an import statement,
 * which can change what every other snippet's names mean, is evaluated with every line. A snippet that is rejected
 * or left unresolved with lines left out is evaluated again with all of them, so pruning never changes what
 * compiles. Completion and inspection see every name.
 *
 * <p>This reaches into JShell's snippet table (the kernel jar opens {@code jdk.jshell} for it); where that
 * table is not found, cells are evaluated as JShell does by itself.
 *
 * <p>{@code ImportPruning p = ImportPruning.install(jshell); List<SnippetEvent> events = p.eval("int x = 1;");}
 */
final class ImportPruning {

    /** The names the compiles of the snippet being evaluated may use; null while none is. */
    private static final ThreadLocal<Set<String>> NEEDED = new ThreadLocal<>();

    private final JShell jshell;
    private final boolean active;
    private final Map<String, Set<String>> namesBySnippet = new ConcurrentHashMap<>();

    private ImportPruning(JShell jshell, boolean active) {
        this.jshell = jshell;
        this.active = active;
    }

    /** Puts the pruning table under {@code jshell}'s snippet table, or returns an inactive pruning. */
    static ImportPruning install(JShell jshell) {
        try {
            Field mapsField = JShell.class.getDeclaredField("maps");
            mapsField.setAccessible(true);
            Object maps = mapsField.get(jshell);
            Field listField = maps.getClass().getDeclaredField("keyIndexToSnippet");
            listField.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Snippet> table = (List<Snippet>) listField.get(maps);
            PrunedTable pruned = new PrunedTable();
            table.forEach(pruned::add);
            listField.set(maps, pruned);
            Field setField = maps.getClass().getDeclaredField("snippets");
            setField.setAccessible(true);
            @SuppressWarnings("unchecked")
            Set<Snippet> all = (Set<Snippet>) setField.get(maps);
            setField.set(maps, new PrunedSnippets(pruned, all));
            Object files = field(field(jshell, JShell.class, "taskFactory"), "fileManager");
            Field classesField = files.getClass().getDeclaredField("classObjects");
            classesField.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, Object> classes = (Map<String, Object>) classesField.get(files);
            classesField.set(files, new PrunedClasses(pruned, classes));
            return new ImportPruning(jshell, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            KernelLog.warn("cells compile with every import line (JShell's snippet table not reachable: " + e + ")");
            return new ImportPruning(jshell, false);
        }
    }

    private static Object field(Object owner, Class<?> type, String name) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        return field(owner, owner.getClass(), name);
    }

    boolean isActive() {
        return active;
    }

    /** Evaluates one snippet as {@link JShell#eval} does, with only the import lines it needs. */
    List<SnippetEvent> eval(String source) {
        if (!active || source.contains("\\u") || JavaNames.isImport(source)) {
            return jshell.eval(source);
        }
        Set<String> declared = JavaNames.declared(source);
        NEEDED.set(needed(source, declared));
        List<SnippetEvent> events;
        try {
            events = jshell.eval(source);
        } finally {
            NEEDED.remove();
        }
        return compiledAsAlone(events) ? events : jshell.eval(source);
    }

    /** False when the snippet itself did not compile cleanly, so it must be tried with every import line. */
    private static boolean compiledAsAlone(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null && event.status() != Snippet.Status.VALID
                    && event.status() != Snippet.Status.OVERWRITTEN) {
                return false;
            }
        }
        return true;
    }

    /**
     * The names mentioned by the snippet and by every snippet JShell may recompile because of it: those that
     * mention a name it declares, and in turn those that mention theirs.
     */
    private Set<String> needed(String source, Set<String> declared) {
        Set<String> needed = JavaNames.mentioned(source);
        if (declared.isEmpty()) {
            return needed;
        }
        Set<String> reach = new HashSet<>(declared);
        List<PersistentSnippet> others = new ArrayList<>();
        jshell.snippets().forEach(s -> {
            if (s instanceof PersistentSnippet p && jshell.status(s) != Snippet.Status.DROPPED
                    && jshell.status(s) != Snippet.Status.OVERWRITTEN && jshell.status(s) != Snippet.Status.REJECTED) {
                others.add(p);
            }
        });
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Iterator<PersistentSnippet> it = others.iterator(); it.hasNext(); ) {
                PersistentSnippet s = it.next();
                Set<String> names = namesBySnippet.computeIfAbsent(s.id(), id -> JavaNames.mentioned(s.source()));
                if (!java.util.Collections.disjoint(names, reach)) {
                    it.remove();
                    needed.addAll(names);
                    grew |= reach.add(s.name());
                }
            }
        }
        return needed;
    }

    /** A variable or method the current compile does not mention. */
    private static boolean unneeded(Snippet s, Set<String> needed) {
        return (s instanceof VarSnippet || s instanceof MethodSnippet) && !needed.contains(((PersistentSnippet) s).name());
    }

    /**
     * JShell's snippet table (by key index), which lists only the variables and methods the current compile
     * needs; it keeps an index by name as JShell fills it.
     */
    private static final class PrunedTable extends ArrayList<Snippet> {

        private final Map<String, List<Integer>> keysByName = new ConcurrentHashMap<>();
        private final Set<Integer> alwaysKept = new java.util.concurrent.ConcurrentSkipListSet<>();

        @Override
        public boolean add(Snippet s) {
            boolean added = super.add(s);
            index(size() - 1, s);
            return added;
        }

        @Override
        public Snippet set(int index, Snippet s) {
            Snippet old = super.set(index, s);
            index(index, s);
            return old;
        }

        private void index(int key, Snippet s) {
            if (s instanceof VarSnippet || s instanceof MethodSnippet) {
                List<Integer> keys = keysByName.computeIfAbsent(((PersistentSnippet) s).name(),
                        n -> new java.util.concurrent.CopyOnWriteArrayList<>());
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            } else if (s instanceof jdk.jshell.ImportSnippet || s instanceof jdk.jshell.TypeDeclSnippet) {
                alwaysKept.add(key);
            }
        }

        /** The current snippets of imports, types, and the variables and methods named in {@code needed}. */
        List<Snippet> kept(Set<String> needed) {
            List<Snippet> kept = new ArrayList<>();
            for (int key : keptKeys(needed)) {
                Snippet s = key < size() ? get(key) : null;
                if (s != null && !unneeded(s, needed)) {
                    kept.add(s);
                }
            }
            return kept;
        }

        /** The key indices of the snippets a compile that needs {@code needed} sees, in key order. */
        java.util.SortedSet<Integer> keptKeys(Set<String> needed) {
            java.util.TreeSet<Integer> keys = new java.util.TreeSet<>(alwaysKept);
            for (String name : needed) {
                List<Integer> named = keysByName.get(name);
                if (named != null) {
                    keys.addAll(named);
                }
            }
            return keys;
        }

        /** True for the key of a type declaration, or of a variable or method named in {@code needed}. */
        boolean keepsClassesOf(int key, Set<String> needed) {
            Snippet s = key < size() ? get(key) : null;
            return s instanceof jdk.jshell.TypeDeclSnippet
                    || (s instanceof VarSnippet || s instanceof MethodSnippet) && !unneeded(s, needed);
        }

        @Override
        public Iterator<Snippet> iterator() {
            Set<String> needed = NEEDED.get();
            if (needed == null) {
                return super.iterator();
            }
            return kept(needed).iterator();
        }
    }

    /**
     * JShell's set of all snippets, which it copies at every compile to look for variables whose types it must
     * restore and methods a new one overwrites: while a snippet is evaluated, the copy holds the current
     * imports, types, and the variables and methods that snippet needs (a method it overwrites has its name).
     */
    private static final class PrunedSnippets extends java.util.LinkedHashSet<Snippet> {

        private final PrunedTable table;

        PrunedSnippets(PrunedTable table, Set<Snippet> existing) {
            this.table = table;
            addAll(existing);
        }

        @Override
        public Object[] toArray() {
            Set<String> needed = NEEDED.get();
            return needed == null ? super.toArray() : table.kept(needed).toArray();
        }
    }

    /**
     * JShell's compiled classes, which javac lists at the start of every compile: while a snippet is evaluated,
     * only those of type declarations and of the variables and methods it needs. A class is named after the
     * snippets it was compiled from ({@code REPL.$JShell$12B}, {@code REPL.$JShell$12_13$Inner}: key index and
     * version letters); one whose name does not read that way is always listed.
     */
    private static final class PrunedClasses extends java.util.TreeMap<String, Object> {

        private static final String PREFIX = "REPL.$JShell$";
        private final PrunedTable table;
        private final Map<Integer, Map<String, Object>> byKey = new ConcurrentHashMap<>();
        private final Map<String, Object> unkeyed = new ConcurrentHashMap<>();

        PrunedClasses(PrunedTable table, Map<String, Object> existing) {
            this.table = table;
            existing.forEach(this::put);
        }

        @Override
        public Object put(String className, Object file) {
            int[] keys = keyIndices(className);
            if (keys.length == 0) {
                unkeyed.put(className, file);
            }
            for (int key : keys) {
                byKey.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(className, file);
            }
            return super.put(className, file);
        }

        @Override
        public java.util.Collection<Object> values() {
            Set<String> needed = NEEDED.get();
            if (needed == null) {
                return super.values();
            }
            Set<Object> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            kept.addAll(unkeyed.values());
            for (int key : table.keptKeys(needed)) {
                Map<String, Object> classes = byKey.get(key);
                if (classes != null && table.keepsClassesOf(key, needed)) {
                    kept.addAll(classes.values());
                }
            }
            return kept;
        }

        /** The key indices a wrapper class name holds; none when it is not such a name. */
        private static int[] keyIndices(String className) {
            if (!className.startsWith(PREFIX)) {
                return new int[0];
            }
            String unit = className.substring(PREFIX.length());
            int nested = unit.indexOf('$');
            String[] parts = (nested < 0 ? unit : unit.substring(0, nested)).split("_");
            int[] indices = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                int end = 0;
                while (end < parts[i].length() && Character.isDigit(parts[i].charAt(end))) {
                    end++;
                }
                if (end == 0 || end > 9) {
                    return new int[0];
                }
                indices[i] = Integer.parseInt(parts[i].substring(0, end));
            }
            return indices;
        }
    }
}
