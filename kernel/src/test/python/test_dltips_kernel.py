"""The official Jupyter kernel conformance suite (jupyter_kernel_test) applied to the dltips Java kernel.

Run by org.dltips.kernel.ConformanceIT, which installs the kernelspec into a temporary prefix and points
JUPYTER_PATH at it:  JUPYTER_PATH=PREFIX/share/jupyter python3 -m unittest -v test_dltips_kernel
"""
import unittest

import jupyter_kernel_test


class DltipsKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "dltips"
    language_name = "java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    # The exact matches are pinned by KernelRequestsIT; here the reply is checked against the message schema.
    completion_samples = [{"text": "Math.ab"}, {"text": "Syst"}]

    complete_code_samples = ["int x = 1;", "1 + 2", "void hello() { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = (1 +"]

    code_generate_error = 'throw new RuntimeException("conformance error");'

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"con" + "formance"', "mime": "text/plain"},
    ]

    code_display_data = [
        {"code": "org.dltips.display.Output.show(new java.awt.image.BufferedImage(4, 4,"
                 " java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]

    code_history_pattern = "1 +*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"


if __name__ == "__main__":
    unittest.main()
