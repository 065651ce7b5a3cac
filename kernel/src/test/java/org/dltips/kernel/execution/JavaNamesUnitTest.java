package org.dltips.kernel.execution;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaNamesUnitTest {

    @Test
    void declarationsNameWhatTheyDeclare() {
        assertEquals(Set.of("names"), JavaNames.declared("List<String> names = load(a, b);"));
        assertEquals(Set.of("m"), JavaNames.declared("Map<String, List<Integer>> m = new HashMap<>();"));
        assertEquals(Set.of("p", "q"), JavaNames.declared("int p = f(1, 2), q = 3;"));
        assertEquals(Set.of("f"), JavaNames.declared("static <T> List<T> f(T x) { return List.of(x); }"));
        assertEquals(Set.of("a"), JavaNames.declared("int a[] = {1, 2};"));
        assertEquals(Set.of("names"), JavaNames.declared("String[] names;"));
        assertEquals(Set.of("Box"), JavaNames.declared("class Box { int v = 3; void m() { } }"));
        assertEquals(Set.of("Point"), JavaNames.declared("record Point(int x, int y) { }"));
        assertEquals(Set.of("net"), JavaNames.declared("@SuppressWarnings(\"x\") final var net = Network.input(784);"));
        assertEquals(Set.of("run"), JavaNames.declared("void run() { System.out.println(\"int x = 1;\"); }"));
    }

    @Test
    void statementsAndExpressionsDeclareNothing() {
        assertEquals(Set.of(), JavaNames.declared("System.out.println(x);"));
        assertEquals(Set.of(), JavaNames.declared("x = 5;"));
        assertEquals(Set.of(), JavaNames.declared("net.fit(train, 20)"));
        assertEquals(Set.of(), JavaNames.declared("new Thread(() -> { }).start();"));
        assertEquals(Set.of(), JavaNames.declared("return value;"));
        assertEquals(Set.of(), JavaNames.declared("for (int i = 0; i < 3; i++) { total += i; }"));
    }

    @Test
    void mentionedSkipsCommentsAndLiterals() {
        Set<String> names = JavaNames.mentioned("total /* hidden */ + \"quoted\" + 'c' + \"\"\"\n block \"\"\" // gone\n");
        assertEquals(Set.of("total"), names);
        assertTrue(JavaNames.isImport("import static java.lang.Math.*;"));
    }
}
