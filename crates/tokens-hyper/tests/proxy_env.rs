//! `ProxyConfig::from_env` reads the curl variables. Each case runs this test binary again
//! as a child process with a clean environment, since a test may not change its own.

use std::process::Command;
use tokens_hyper::ProxyConfig;

const CASE: &str = "TOKENS_HYPER_PROXY_ENV_CASE";

fn uri(s: &str) -> http::Uri {
    s.parse().expect("test URI")
}

/// Runs `test` in a child process whose environment holds only `vars` and the case marker.
fn run_child(test: &str, vars: &[(&str, &str)]) {
    let exe = std::env::current_exe().expect("test binary path");
    let mut command = Command::new(exe);
    command
        .args(["--exact", test, "--test-threads=1"])
        .env_clear()
        .env(CASE, "1");
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.output().expect("child test runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "child failed: {stdout}");
    assert!(stdout.contains("1 passed"), "child ran no test: {stdout}");
}

fn in_child() -> bool {
    std::env::var_os(CASE).is_some()
}

#[test]
fn https_proxy_and_no_proxy_come_from_the_environment() {
    if !in_child() {
        run_child(
            "https_proxy_and_no_proxy_come_from_the_environment",
            &[
                ("HTTPS_PROXY", "http://proxy.test:3128"),
                ("no_proxy", "internal.test"),
            ],
        );
        return;
    }
    let proxy = ProxyConfig::from_env().expect("valid environment");
    assert!(proxy.uses_proxy_for(&uri("https://workspace.test/")));
    assert!(!proxy.uses_proxy_for(&uri("http://workspace.test/")));
    assert!(!proxy.uses_proxy_for(&uri("https://db.internal.test/")));
}

#[test]
fn lowercase_variables_are_read_too() {
    if !in_child() {
        run_child(
            "lowercase_variables_are_read_too",
            &[("http_proxy", "proxy.test:3128")],
        );
        return;
    }
    let proxy = ProxyConfig::from_env().expect("valid environment");
    assert!(proxy.uses_proxy_for(&uri("http://workspace.test/")));
    assert!(!proxy.uses_proxy_for(&uri("https://workspace.test/")));
}

#[test]
fn http_proxy_is_ignored_in_a_cgi_process() {
    if !in_child() {
        run_child(
            "http_proxy_is_ignored_in_a_cgi_process",
            &[
                ("REQUEST_METHOD", "GET"),
                ("HTTP_PROXY", "http://attacker.test:80"),
            ],
        );
        return;
    }
    let proxy = ProxyConfig::from_env().expect("valid environment");
    assert!(!proxy.uses_proxy_for(&uri("http://workspace.test/")));
}

#[test]
fn an_unusable_proxy_variable_is_an_error_not_a_silent_bypass() {
    if !in_child() {
        run_child(
            "an_unusable_proxy_variable_is_an_error_not_a_silent_bypass",
            &[("HTTPS_PROXY", "socks5://user:hunter2@proxy.test:1080")],
        );
        return;
    }
    let err = ProxyConfig::from_env().expect_err("socks is not supported");
    let message = err.to_string();
    assert!(message.contains("HTTPS_PROXY"), "{message}");
    assert!(!message.contains("hunter2"), "{message}");
}

#[test]
fn no_variables_mean_no_proxy() {
    if !in_child() {
        run_child("no_variables_mean_no_proxy", &[]);
        return;
    }
    let proxy = ProxyConfig::from_env().expect("valid environment");
    assert!(!proxy.uses_proxy_for(&uri("https://workspace.test/")));
}
