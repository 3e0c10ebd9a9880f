#!/usr/bin/env python3
"""Drives headless Chromium through chromedriver's W3C WebDriver API (standard library only).

Loads the example page, connects it to the emulator with the user's token, checks that the
token list rendered the seeded tokens, creates one more through the page's form, checks the
secret is shown once and the list grew, revokes a token, and saves a screenshot.

Usage: check.py DRIVER_URL PAGE_URL EMULATOR_URL TOKEN SCREENSHOT_PATH
"""
import base64
import json
import sys
import time
import urllib.request

W3C_ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class Driver:
    def __init__(self, base):
        self.base = base.rstrip("/")
        caps = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": "/usr/bin/chromium",
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                 "--window-size=1100,860", "--disable-dev-shm-usage"],
                    },
                }
            }
        }
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as reply:
            return json.load(reply)["value"]

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def script(self, source, *args):
        return self.s("POST", "/execute/sync", {"script": source, "args": list(args)})

    def element(self, css):
        found = self.s("POST", "/element", {"using": "css selector", "value": css})
        # W3C drivers key the reference by a fixed name; older protocol replies use ELEMENT.
        return found.get(W3C_ELEMENT) or found["ELEMENT"]

    def type_into(self, css, text):
        element = self.element(css)
        self.s("POST", f"/element/{element}/clear", {})
        self.s("POST", f"/element/{element}/value", {"text": text})

    def click(self, css):
        self.s("POST", f"/element/{self.element(css)}/click", {})

    def wait_for(self, what, source, *args, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.script(source, *args)
            if value:
                return value
            time.sleep(0.1)
        status = self.script("return document.getElementById('status').textContent")
        raise SystemExit(f"check: timed out waiting for {what}; page status: {status!r}")

    def quit(self):
        self.call("DELETE", f"/session/{self.session}")


SEED_COMMENTS = ["ci pipeline", "notebook experiments"]


def seed(emulator_url, token):
    """Creates the tokens the page should list, straight through the API."""
    for comment in SEED_COMMENTS:
        body = json.dumps({"comment": comment, "lifetime_seconds": 30 * 86400}).encode()
        request = urllib.request.Request(
            emulator_url + "/api/2.0/token/create", data=body, method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as reply:
            json.load(reply)
    return len(SEED_COMMENTS)


def main():
    driver_url, page_url, emulator_url, token, screenshot = sys.argv[1:6]
    seeded = seed(emulator_url, token)
    driver = Driver(driver_url)
    try:
        driver.s("POST", "/url", {"url": page_url})
        driver.wait_for("the wasm module", "return document.body.dataset.ready === 'true'")

        driver.type_into("#token", token)
        driver.click("#connect-button")
        count = "return document.querySelectorAll('#rows tr').length"
        driver.wait_for(f"{seeded} listed tokens", f"{count} === arguments[0]", seeded)
        comments = driver.script(
            "return [...document.querySelectorAll('#rows tr td:first-child')]"
            ".map(td => td.textContent)")
        missing = [c for c in SEED_COMMENTS if c not in comments]
        if missing:
            raise SystemExit(f"check: the list lacks {missing}; it shows {comments}")
        print(f"check: the list rendered {len(comments)} tokens: {comments}")

        driver.type_into("#comment", "created in headless Chromium")
        driver.click("#create-button")
        driver.wait_for("the new secret",
                        "return !document.getElementById('secret').hidden && "
                        "document.getElementById('secret-value').textContent.startsWith('dapi')")
        driver.wait_for(f"{seeded + 1} listed tokens", f"{count} === arguments[0]", seeded + 1)
        print("check: created a token through the page; its secret is shown once")

        # Rename through the page's prompt (replaced here, since WebDriver cannot type into it).
        driver.script("window.prompt = () => 'renamed in headless Chromium';"
                      "document.querySelector('#rows tr:first-child button.rename').click()")
        driver.wait_for("the renamed token",
                        "return [...document.querySelectorAll('#rows td:first-child')]"
                        ".some(td => td.textContent === 'renamed in headless Chromium')")
        print("check: renamed a token through the page")

        driver.script("document.querySelector('#rows tr:last-child button.revoke').click()")
        driver.wait_for(f"{seeded} listed tokens after revoke", f"{count} === arguments[0]", seeded)
        print("check: revoked a token through the page")

        png = base64.b64decode(driver.s("GET", "/screenshot"))
        with open(screenshot, "wb") as out:
            out.write(png)
        print(f"check: screenshot saved to {screenshot}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
