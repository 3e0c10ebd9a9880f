"""Times the official Databricks SDK for Python against a running tokens-emulator.

Usage: bench-python-sdk.py BASE_URL CREATOR_SECRET LISTER_SECRET COUNT

Runs one untimed warm-up of each call, then COUNT sequential create+delete pairs and COUNT
list calls (each list read to the end), and prints two lines that scripts/bench-python-sdk
reads:

    pairs_seconds S
    lists_seconds S
"""

import sys
import time

from databricks.sdk import WorkspaceClient
from databricks.sdk.config import Config

BASE_URL, CREATOR_SECRET, LISTER_SECRET, COUNT = sys.argv[1:5]
COUNT = int(COUNT)


def client(token):
    return WorkspaceClient(config=Config(host=BASE_URL, token=token, auth_type="pat"))


def pair(tokens):
    created = tokens.create(comment="python sdk benchmark", lifetime_seconds=3600)
    tokens.delete(token_id=created.token_info.token_id)


def main():
    creator = client(CREATOR_SECRET).tokens
    lister = client(LISTER_SECRET).tokens

    # Warm-up: the first call resolves the configuration and opens the connection.
    pair(creator)
    listed = len(list(lister.list()))

    start = time.perf_counter()
    for _ in range(COUNT):
        pair(creator)
    pairs_seconds = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(COUNT):
        if len(list(lister.list())) != listed:
            raise SystemExit("the list changed during the benchmark")
    lists_seconds = time.perf_counter() - start

    print(f"pairs_seconds {pairs_seconds:.6f}")
    print(f"lists_seconds {lists_seconds:.6f}")


if __name__ == "__main__":
    main()
