package org.dltips.kernel.wire;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Builds one container of dynamic tests per JDK in {@link Jdks#all()}, each sharing one kernel, which the last
 * test stops.
 *
 * <p>{@code return PerJdk.containers("wire", dir, cases);} from a {@code @TestFactory}.
 */
public final class PerJdk {

    private PerJdk() {
    }

    /** Named test cases, run in insertion order against one kernel per JDK. */
    public static Stream<DynamicNode> containers(String group, Path dir,
                                                 Map<String, Consumer<KernelFixture>> cases) {
        return Jdks.all().stream().map(home -> {
            KernelFixture fixture = new KernelFixture(home, dir);
            List<DynamicNode> tests = new ArrayList<>();
            String suffix = " [" + Jdks.label(home) + "]";
            cases.forEach((name, body) -> tests.add(DynamicTest.dynamicTest(name + suffix,
                    () -> body.accept(fixture))));
            tests.add(DynamicTest.dynamicTest("stop the kernel" + suffix, fixture::close));
            return DynamicContainer.dynamicContainer(group + " on " + Jdks.label(home), tests);
        });
    }

    /** A fresh ordered map for cases. */
    public static Map<String, Consumer<KernelFixture>> cases() {
        return new LinkedHashMap<>();
    }
}
