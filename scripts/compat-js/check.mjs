// Drives the tokens-emulator with the official Databricks SDK for JavaScript
// (@databricks/sdk-experimental), which has create, list and delete for tokens (no update).
//
// Usage: node check.mjs BASE_URL USER_SECRET SP_CLIENT_ID SP_CLIENT_SECRET CONTROL_SECRET
//
// Each check prints one line; the last line is `N passed, M failed`, and the exit status is
// non-zero when any check failed.

import { WorkspaceClient } from "@databricks/sdk-experimental";

const [BASE_URL, USER_SECRET, SP_ID, SP_SECRET, CONTROL_SECRET] = process.argv.slice(2);
const results = [];

async function check(name, body) {
  try {
    await body();
    results.push(true);
    console.log(`ok   ${name}`);
  } catch (err) {
    results.push(false);
    console.log(`FAIL ${name}\n     ${err && err.stack ? err.stack.split("\n").slice(0, 3).join("\n     ") : err}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

// The SDK's error for a refused call carries the service's code (a string, or the integer
// some replies send) and the HTTP status.
async function expectError(errorCode, statusCode, call) {
  let caught;
  try {
    await call();
  } catch (err) {
    caught = err;
  }
  assert(caught, `expected ${errorCode}, got no error`);
  assert(
    String(caught.errorCode) === errorCode && caught.statusCode === statusCode,
    `expected ${errorCode} (${statusCode}), got ${caught.errorCode} (${caught.statusCode}): ${caught.message}`,
  );
  return caught;
}

function userClient(token) {
  return new WorkspaceClient({ host: BASE_URL, token, authType: "pat" });
}

function spClient(secret) {
  return new WorkspaceClient({
    host: BASE_URL,
    clientId: SP_ID,
    clientSecret: secret,
    authType: "oauth-m2m",
  });
}

async function ids(client) {
  const found = [];
  for await (const info of client.tokens.list()) found.push(info.token_id);
  return found;
}

async function control(method, path, body) {
  const reply = await fetch(`${BASE_URL}/__emulator/${path}`, {
    method,
    headers: { Authorization: `Bearer ${CONTROL_SECRET}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert(reply.ok, `control ${method} ${path}: HTTP ${reply.status}`);
  return reply.json();
}

const user = userClient(USER_SECRET);

await check("create returns a dapi secret and token info", async () => {
  const created = await user.tokens.create({ comment: "compat-create", lifetime_seconds: 3600 });
  assert(created.token_value.startsWith("dapi") && created.token_value.length === 36, "secret shape");
  assert(created.token_info.comment === "compat-create", "comment");
  assert(created.token_info.token_id.length === 64, "token id length");
  assert(created.token_info.expiry_time - created.token_info.creation_time === 3600 * 1000, "lifetime");
});

await check("list shows created tokens", async () => {
  const created = await user.tokens.create({ comment: "compat-list" });
  assert((await ids(user)).includes(created.token_info.token_id), "listed");
});

await check("a created token authenticates as the same user", async () => {
  const created = await user.tokens.create({ comment: "compat-minted" });
  const second = await userClient(created.token_value).tokens.create({ comment: "compat-by-minted" });
  assert((await ids(user)).includes(second.token_info.token_id), "listed for the user");
});

await check("delete removes the token", async () => {
  const created = await user.tokens.create({ comment: "compat-delete" });
  await user.tokens.delete({ token_id: created.token_info.token_id });
  assert(!(await ids(user)).includes(created.token_info.token_id), "still listed");
});

await check("delete of an unknown token fails with RESOURCE_DOES_NOT_EXIST (404)", async () => {
  await expectError("RESOURCE_DOES_NOT_EXIST", 404, () => user.tokens.delete({ token_id: "0".repeat(64) }));
});

await check("a zero lifetime fails with INVALID_PARAMETER_VALUE (400)", async () => {
  await expectError("INVALID_PARAMETER_VALUE", 400, () => user.tokens.create({ lifetime_seconds: 0 }));
});

await check("a comment over 255 characters fails with INVALID_PARAMETER_VALUE (400)", async () => {
  await expectError("INVALID_PARAMETER_VALUE", 400, () => user.tokens.create({ comment: "x".repeat(256) }));
});

// The service answers a bad credential with the integer error code 403, not a name.
await check("an unknown token secret fails with error code 403", async () => {
  const stranger = userClient(`dapi${"0".repeat(32)}`);
  const err = await expectError("403", 403, () => ids(stranger));
  assert(!String(err.message).includes(USER_SECRET), "the user's secret in an error");
});

await check("a revoked token no longer authenticates", async () => {
  const created = await user.tokens.create({ comment: "compat-revoked" });
  await user.tokens.delete({ token_id: created.token_info.token_id });
  await expectError("403", 403, () => ids(userClient(created.token_value)));
});

await check("a service principal authenticates with OAuth M2M and owns its tokens", async () => {
  const sp = spClient(SP_SECRET);
  const created = await sp.tokens.create({ comment: "compat-sp" });
  assert((await ids(sp)).includes(created.token_info.token_id), "listed for the principal");
  assert(!(await ids(user)).includes(created.token_info.token_id), "listed for the user");
});

await check("a wrong OAuth client secret fails", async () => {
  let caught;
  try { await ids(spClient("wrong")); } catch (e) { caught = e; }
  assert(caught, "a wrong client secret was accepted");
  assert(!String(caught.message).includes(SP_SECRET), "the right secret in an error");
});

await check("the SDK retries an injected 429 with Retry-After and then succeeds", async () => {
  const before = (await control("GET", "stats")).requests.list;
  await control("POST", "faults", { route: "list", status: 429, retry_after: 1, times: 1 });
  await ids(user);
  const after = (await control("GET", "stats")).requests.list;
  assert(after === before + 2, `expected 2 list requests, saw ${after - before}`);
});

await check("creating past the quota fails with QUOTA_EXCEEDED (400)", async () => {
  // The runner starts the emulator with --quota 40; this is the last check.
  for (let i = 0; i < 45; i++) {
    try {
      await user.tokens.create({ comment: "compat-quota", lifetime_seconds: 600 });
    } catch (err) {
      assert(err.errorCode === "QUOTA_EXCEEDED" && err.statusCode === 400, `${err.errorCode} (${err.statusCode})`);
      return;
    }
  }
  throw new Error("no QUOTA_EXCEEDED after 45 creates with --quota 40");
});

const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
