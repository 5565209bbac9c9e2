#!/usr/bin/env python3
"""Prints each failed test of the given TRX reports with its leg and the first lines of its message."""
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

for path in sys.argv[1:]:
    if not os.path.exists(path):
        continue
    leg = os.path.basename(os.path.dirname(path))
    for result in ET.parse(path).getroot().iter(NS + "UnitTestResult"):
        if result.get("outcome") != "Failed":
            continue
        print(f"  {result.get('testName')}  ({leg})")
        message = result.find(f"{NS}Output/{NS}ErrorInfo/{NS}Message")
        lines = (message.text or "").strip().splitlines() if message is not None else []
        for line in lines[:6]:
            print(f"      {line[:300]}")
