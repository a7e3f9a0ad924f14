#!/usr/bin/env python3
"""Drives an importlint HTML report in headless Chromium and checks what a reviewer sees and does.

Talks the Chrome DevTools Protocol over --remote-debugging-pipe (NUL-separated JSON messages on file
descriptors 3 and 4), so it needs only the standard library. Checks the counts shown, filters by a rule,
sorts, reviews organization clusters by clicking like a person, and compares the downloaded mapping
file byte for byte with the expected ones. Exit status 0 when every check passes, 1 otherwise.

    check_html_report.py --chromium PATH --page REPORT.html --expect EXPECT.json --screenshot OUT.png
    check_html_report.py --chromium PATH --page REPORT.html --measure     (load time only)
"""
import argparse
import base64
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    """One headless Chromium with a page session, spoken to over the debugging pipe."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="importlint-chromium-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def give_pipes_to_child():
            # Chromium reads commands on fd 3 and writes replies on fd 4.
            read_end = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False, preexec_fn=give_pipes_to_child)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]

    def call(self, method, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the debugging pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for_event(self, method, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self.read())
        raise RuntimeError(f"no {method} within {timeout} s")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, element):
        """A real mouse click in the middle of the element the JavaScript expression `element` names."""
        box = self.evaluate(f"""(() => {{ const e = {element};
            e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def close(self):
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def load(browser, page):
    browser.call("Page.enable")
    browser.call("Runtime.enable")
    browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=1600, deviceScaleFactor=1, mobile=False)
    started = time.monotonic()
    browser.call("Page.navigate", url="file://" + os.path.abspath(page))
    browser.wait_for_event("Page.loadEventFired")
    seconds = time.monotonic() - started
    rows = browser.evaluate("document.querySelectorAll('#findings-table tbody tr').length")
    print(f"page: {os.path.getsize(page):,} bytes, loaded and drawn in {seconds:.2f} s, {rows} table rows drawn")
    return seconds


def downloaded_mapping(browser):
    """The bytes the download link carries (its blob URL, read in the page)."""
    values = browser.evaluate("""fetch(document.getElementById('download-mapping').href)
        .then(r => r.arrayBuffer()).then(b => Array.from(new Uint8Array(b)))""")
    return bytes(values)


def member_radio(value, choice):
    """The accept or reject radio of the cluster member spelled `value`, as a JavaScript expression."""
    return f"""[...document.querySelectorAll('#cluster-list tr[data-member]')].find(r => r.cells[0].textContent === {json.dumps(value)})
        .querySelector('input[value={choice}]')"""


def review(browser, expect, screenshot):
    for selector, text in expect["texts"].items():
        shown = browser.evaluate(f"document.querySelector({json.dumps(selector)})?.textContent")
        check(shown == text, f"{selector} shows {text!r} (got {shown!r})")
    check(browser.evaluate("document.querySelectorAll('img, b').length") == 0, "no markup from cell values")
    check(browser.evaluate("window.pwned === undefined"), "no script from cell values ran")
    for hostile in expect["hostileTexts"]:
        check(browser.evaluate(f"document.body.textContent.includes({json.dumps(hostile)})"), f"{hostile!r} is shown as text")

    check(downloaded_mapping(browser) == open(expect["defaultMapping"], "rb").read(),
          "untouched review downloads what `clusters --write-mapping` writes")

    rule, count = expect["filterRule"], expect["filterRuleCount"]
    browser.evaluate(f"""(() => {{ const s = document.querySelector('#filters select[name=rule]'); s.focus();
        s.value = {json.dumps(rule)}; s.dispatchEvent(new Event('input', {{bubbles: true}})); }})()""")
    codes = browser.evaluate("[...document.querySelectorAll('#findings-table tbody tr')].map(r => r.cells[3].textContent.split(' ')[0])")
    check(len(codes) == count and set(codes) == {rule}, f"filter by {rule} shows its {count} findings (got {codes})")
    line_header = "document.querySelector('#findings-table th[data-key=line]')"
    browser.click(line_header)
    browser.click(line_header)
    lines = browser.evaluate("[...document.querySelectorAll('#findings-table tbody tr')].map(r => Number(r.cells[1].textContent))")
    check(lines == sorted(lines, reverse=True) and len(lines) == count, f"two clicks on Line sort descending (got {lines})")

    for value, choice in expect["decisions"]:
        browser.click(member_radio(value, choice))
    for old, new in expect["canonicalEdits"]:
        browser.evaluate(f"""(() => {{ const e = [...document.querySelectorAll('#cluster-list input.canonical')].find(i => i.value === {json.dumps(old)});
            e.scrollIntoView({{block: 'center'}}); e.focus(); e.select(); }})()""")
        browser.call("Input.insertText", text=new)
    rejected = browser.evaluate("[...document.querySelectorAll('#cluster-list tr.rejected')].map(r => r.cells[0].textContent)")
    check(rejected == expect["rejectedShown"], f"rejected members are struck through: {rejected}")
    actual = downloaded_mapping(browser)
    wanted = open(expect["reviewedMapping"], "rb").read()
    check(actual == wanted, f"reviewed mapping matches {expect['reviewedMapping']} byte for byte (got {actual!r})")

    exceptions = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    check(not exceptions, f"no script errors ({exceptions[:1]})")
    shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    with open(screenshot, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    print(f"screenshot: {screenshot}")


def measure_interaction(browser):
    """How long filtering by the first rule and sorting by line take in the page."""
    milliseconds = browser.evaluate("""(() => { const started = performance.now();
        const s = document.querySelector('#filters select[name=rule]'); s.value = s.options[1].value;
        s.dispatchEvent(new Event('input', {bubbles: true}));
        const filtered = performance.now();
        document.querySelector('#findings-table th[data-key=line]').click();
        return [filtered - started, performance.now() - filtered]; })()""")
    print(f"filter by one rule: {milliseconds[0]:.0f} ms, sort by line: {milliseconds[1]:.0f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--page", required=True)
    parser.add_argument("--expect")
    parser.add_argument("--screenshot")
    parser.add_argument("--measure", action="store_true")
    args = parser.parse_args()
    started = time.monotonic()
    browser = Browser(args.chromium)
    try:
        load(browser, args.page)
        if args.measure:
            measure_interaction(browser)
        else:
            review(browser, json.load(open(args.expect)), args.screenshot)
    finally:
        browser.close()
    print(f"browser check: {time.monotonic() - started:.2f} s, {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
