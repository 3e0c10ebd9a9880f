//! Invalid configuration: each error names where the bad value came from, and no output of
//! a configuration holds a secret.

use std::collections::HashMap;
use tokens_core::{AuthType, Config, ConfigBuilder, Credentials, Error, ErrorKind};

const TOKEN: &str = "dapi0123456789abcdef0123456789abcdef";
const CLIENT_SECRET: &str = "dose0123456789abcdef0123456789abcdef";

fn resolve(builder: ConfigBuilder, env: &[(&str, &str)], file: &str) -> Result<Config, Error> {
    let env: HashMap<&str, &str> = env.iter().copied().collect();
    let file = file.to_owned();
    builder.resolve(
        |name| env.get(name).map(|v| (*v).to_owned()),
        move |_| Ok(Some(file)),
    )
}

fn config_error(result: Result<Config, Error>) -> Error {
    let err = result.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    err
}

#[test]
fn two_auth_methods_without_auth_type_are_an_error_naming_both_sources() {
    let err = config_error(resolve(
        Config::builder().host("h"),
        &[
            ("DATABRICKS_TOKEN", TOKEN),
            ("DATABRICKS_CLIENT_ID", "id"),
            ("DATABRICKS_CLIENT_SECRET", CLIENT_SECRET),
        ],
        "",
    ));
    assert!(err.message().contains("DATABRICKS_TOKEN"), "{err}");
    assert!(err.message().contains("DATABRICKS_CLIENT_ID"), "{err}");
    assert!(!err.to_string().contains(TOKEN));
}

#[test]
fn auth_type_picks_one_of_two_methods() {
    let env = [
        ("DATABRICKS_TOKEN", TOKEN),
        ("DATABRICKS_CLIENT_ID", "id"),
        ("DATABRICKS_CLIENT_SECRET", CLIENT_SECRET),
    ];
    let pat = resolve(
        Config::builder().host("h").auth_type(AuthType::Pat),
        &env,
        "",
    )
    .unwrap();
    assert_eq!(pat.auth_type(), Some(AuthType::Pat));
    let m2m = resolve(
        Config::builder().host("h").auth_type(AuthType::OAuthM2m),
        &env,
        "",
    )
    .unwrap();
    assert!(
        matches!(m2m.credentials(), Some(Credentials::OAuthM2m { client_id, .. }) if client_id == "id")
    );
}

#[test]
fn an_incomplete_m2m_pair_is_an_error() {
    let err = config_error(resolve(
        Config::builder().host("h"),
        &[("DATABRICKS_CLIENT_ID", "id")],
        "",
    ));
    assert!(err.message().contains("no client secret"), "{err}");
    let err = config_error(resolve(
        Config::builder().host("h"),
        &[("DATABRICKS_CLIENT_SECRET", CLIENT_SECRET)],
        "",
    ));
    assert!(err.message().contains("no client id"), "{err}");
    assert!(!err.to_string().contains(CLIENT_SECRET));
}

#[test]
fn auth_type_without_its_credential_is_an_error() {
    let err = config_error(resolve(
        Config::builder().host("h").auth_type(AuthType::Pat),
        &[],
        "",
    ));
    assert!(err.message().contains("needs a token"), "{err}");
}

#[test]
fn an_unknown_auth_type_names_its_variable() {
    let err = config_error(resolve(
        Config::builder().host("h"),
        &[("DATABRICKS_AUTH_TYPE", "azure-cli")],
        "",
    ));
    assert!(err.message().contains("azure-cli"), "{err}");
    assert!(err.message().contains("DATABRICKS_AUTH_TYPE"), "{err}");
}

#[test]
fn a_bad_host_in_a_profile_names_file_and_profile() {
    let err = config_error(resolve(
        Config::builder().config_file("/c/cfg"),
        &[],
        "[DEFAULT]\nhost = ftp://x\n",
    ));
    assert!(
        err.message().contains("profile `DEFAULT` of /c/cfg"),
        "{err}"
    );
}

#[test]
fn a_bad_rate_limit_names_its_variable() {
    for bad in ["0", "-1", "fast", "1.5"] {
        let err = config_error(resolve(
            Config::builder().host("h"),
            &[("DATABRICKS_RATE_LIMIT", bad)],
            "",
        ));
        assert!(
            err.message().contains("DATABRICKS_RATE_LIMIT"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn a_bad_workspace_id_names_its_source() {
    let err = config_error(Config::builder().host("h").workspace_id("12a").build());
    assert!(err.message().contains("explicit configuration"), "{err}");
}

#[test]
fn a_malformed_file_names_its_line() {
    let err = config_error(resolve(
        Config::builder().config_file("/c/cfg"),
        &[],
        "[DEFAULT]\nhost\n",
    ));
    assert!(err.message().contains("/c/cfg, line 2"), "{err}");
}

#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    let err = config_error(
        Config::builder()
            .config_file("/c/cfg")
            .resolve(|_| None, |_| Err("permission denied".to_owned())),
    );
    assert!(err.message().contains("/c/cfg: permission denied"), "{err}");
}

#[test]
fn debug_and_display_never_show_a_secret() {
    let pat = Config::builder().host("h").token(TOKEN).build().unwrap();
    let m2m = Config::builder()
        .host("h")
        .client_id("id")
        .client_secret(CLIENT_SECRET)
        .build()
        .unwrap();
    let builder = Config::builder().token(TOKEN).client_secret(CLIENT_SECRET);
    for text in [
        format!("{pat:?}"),
        format!("{pat:#?}"),
        pat.to_string(),
        format!("{m2m:?}"),
        m2m.to_string(),
        format!("{builder:?}"),
    ] {
        assert!(!text.contains(TOKEN), "{text}");
        assert!(!text.contains(CLIENT_SECRET), "{text}");
        assert!(!text.contains("0123456789abcdef0123"), "{text}");
    }
}

#[test]
fn display_lists_each_value_with_its_source() {
    let config = resolve(
        Config::builder().host("h.example"),
        &[("DATABRICKS_TOKEN", TOKEN)],
        "",
    )
    .unwrap();
    let text = config.to_string();
    assert!(
        text.contains("host = https://h.example (explicit configuration)"),
        "{text}"
    );
    assert!(
        text.contains("token = dapi…cdef (environment variable DATABRICKS_TOKEN)"),
        "{text}"
    );
}

#[test]
fn the_endpoint_carries_workspace_id_and_auth_type() {
    let config = Config::builder()
        .host("h.example")
        .token(TOKEN)
        .workspace_id("77")
        .build()
        .unwrap();
    let endpoint = config.endpoint().unwrap();
    assert_eq!(endpoint.base_url(), "https://h.example");
    assert_eq!(endpoint.workspace_id().unwrap(), "77");
    assert!(endpoint.user_agent().to_string().ends_with(" auth/pat"));
}

#[test]
fn an_endpoint_needs_a_host() {
    let config = Config::builder().token(TOKEN).build().unwrap();
    let err = config.endpoint().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.message().contains("DATABRICKS_HOST"), "{err}");
}
