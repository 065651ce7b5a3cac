"""Sum up Surefire and Failsafe XML reports of every module and print one closing line.

    python3 .ci/summary.py ROOT      ->  ... then "dltips: N passed, N failed, N skipped"

Exits 1 when a test failed or none passed.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET


def main(root):
    totals = {}
    failed = []
    for report in sorted(glob.glob(os.path.join(root, "*", "target", "*-reports", "TEST-*.xml"))):
        module = os.path.relpath(report, root).split(os.sep)[0]
        suite = ET.parse(report).getroot()
        counts = totals.setdefault(module, [0, 0, 0])
        for case in suite.iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                counts[1] += 1
                failed.append("%s: %s > %s" % (module, case.get("classname"), case.get("name")))
            elif case.find("skipped") is not None:
                counts[2] += 1
            else:
                counts[0] += 1
    times = os.path.join(root, "notebooks", "target", "notebook-summary.md")
    if os.path.exists(times):
        print()
        print("Notebook run times (notebooks/target/notebook-summary.md):")
        print(open(times).read().rstrip())
    soak = os.path.join(root, "notebooks", "target", "soak-summary.md")
    if os.path.exists(soak):
        print()
        print("Soak, per pass (notebooks/target/soak-summary.md):")
        print(open(soak).read().rstrip())
    print()
    print("Test summary per module (Surefire and Failsafe reports):")
    for module, (passed, failures, skipped) in totals.items():
        print("  %-10s %4d passed, %d failed, %d skipped" % (module, passed, failures, skipped))
    for name in failed:
        print("  FAILED " + name)
    passed = sum(c[0] for c in totals.values())
    failures = sum(c[1] for c in totals.values())
    skipped = sum(c[2] for c in totals.values())
    print("dltips: %d passed, %d failed, %d skipped" % (passed, failures, skipped))
    return 0 if passed > 0 and failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
