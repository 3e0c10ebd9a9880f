// The page's behaviour: every call to the Token API goes through the wasm module, which runs
// the Rust SDK (typed client, retry, rate limit, timeout, PAT auth) over the browser's fetch.
import init, { TokensApp } from "./pkg/tokens_browser_example.js";

const byId = (id) => document.getElementById(id);
let app = null;

function showStatus(text, isError = false) {
  byId("status").textContent = text;
  byId("status").className = isError ? "error" : "";
}

function when(millis) {
  return millis === null || millis === undefined ? "never" : new Date(millis).toLocaleString();
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function render(tokens) {
  tokens.sort((a, b) => (b.created ?? 0) - (a.created ?? 0));
  const rows = byId("rows");
  rows.replaceChildren();
  for (const token of tokens) {
    const tr = document.createElement("tr");
    tr.dataset.tokenId = token.id;
    tr.append(
      cell(token.comment || "(no comment)"),
      cell(token.id.slice(0, 16) + "…", "id"),
      cell(when(token.created)),
      cell(when(token.expires)),
    );
    const rename = document.createElement("button");
    rename.type = "button";
    rename.className = "rename";
    rename.textContent = "Rename";
    rename.addEventListener("click", () => renameToken(token, rename));
    const revoke = document.createElement("button");
    revoke.type = "button";
    revoke.className = "revoke";
    revoke.textContent = "Revoke";
    revoke.addEventListener("click", () => revokeToken(token, revoke));
    const actions = document.createElement("td");
    actions.className = "actions";
    actions.append(rename, revoke);
    tr.append(actions);
    rows.append(tr);
  }
  byId("empty").hidden = tokens.length > 0;
  document.body.dataset.tokens = String(tokens.length);
}

async function refresh() {
  const tokens = await app.list();
  render(tokens);
  showStatus(`${tokens.length} token(s).`);
}

async function connect(event) {
  event.preventDefault();
  const button = byId("connect-button");
  button.disabled = true;
  try {
    app = new TokensApp(byId("host").value.trim(), byId("token").value.trim());
    showStatus("Loading tokens…");
    await refresh();
    byId("workspace").hidden = false;
  } catch (error) {
    app = null;
    showStatus(String(error), true);
  } finally {
    button.disabled = false;
  }
}

async function createToken(event) {
  event.preventDefault();
  const button = byId("create-button");
  button.disabled = true;
  try {
    const days = Number(byId("lifetime").value);
    const created = await app.create(byId("comment").value, days);
    // The secret exists only in this element until the user dismisses it.
    byId("secret-value").textContent = created.secret;
    byId("secret").hidden = false;
    byId("comment").value = "";
    await refresh();
  } catch (error) {
    showStatus(String(error), true);
  } finally {
    button.disabled = false;
  }
}

async function renameToken(token, button) {
  const comment = prompt("New comment", token.comment || "");
  if (comment === null) return;
  button.disabled = true;
  try {
    await app.rename(token.id, comment);
    await refresh();
  } catch (error) {
    showStatus(String(error), true);
    button.disabled = false;
  }
}

async function revokeToken(token, button) {
  button.disabled = true;
  try {
    await app.revoke(token.id);
    await refresh();
  } catch (error) {
    showStatus(String(error), true);
    button.disabled = false;
  }
}

function forgetSecret() {
  byId("secret-value").textContent = "";
  byId("secret").hidden = true;
}

async function main() {
  await init();
  const host = new URLSearchParams(location.search).get("host");
  if (host) byId("host").value = host;
  byId("connect").addEventListener("submit", connect);
  byId("create").addEventListener("submit", createToken);
  byId("secret-dismiss").addEventListener("click", forgetSecret);
  document.body.dataset.ready = "true";
}

main().catch((error) => showStatus(`Could not load the wasm module: ${error}`, true));
