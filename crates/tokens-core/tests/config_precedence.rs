//! Configuration precedence for every source combination: explicit, environment, file.

use std::cell::Cell;
use std::collections::HashMap;
use tokens_core::{AuthType, Config, ConfigBuilder, ConfigSource, Credentials, Error};

const FILE: &str = "/home/u/.databrickscfg";

fn file_source() -> ConfigSource {
    ConfigSource::Profile {
        file: FILE.to_owned(),
        profile: "p".to_owned(),
    }
}

/// Resolves `builder` over `env` and a file holding `[p]` with `file_lines`.
fn resolve(
    builder: ConfigBuilder,
    env: &[(&str, &str)],
    file_lines: &[(&str, &str)],
) -> Result<Config, Error> {
    let mut env: HashMap<String, String> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    env.insert("DATABRICKS_CONFIG_FILE".to_owned(), FILE.to_owned());
    let mut text = String::from("[p]\n");
    for (key, value) in file_lines {
        text.push_str(key);
        text.push_str(" = ");
        text.push_str(value);
        text.push('\n');
    }
    builder.profile("p").resolve(
        |name| env.get(name).cloned(),
        |path| {
            assert_eq!(path, FILE);
            Ok(Some(text))
        },
    )
}

/// For one attribute, every combination of the three sources: the first that sets it wins.
fn check_every_combination(
    attribute: &str,
    variable: &str,
    values: [&str; 3],
    explicit: fn(ConfigBuilder, &str) -> ConfigBuilder,
    read: fn(&Config) -> Option<String>,
    expected: fn(&str) -> String,
    always_env: &[(&'static str, &'static str)],
) {
    for mask in 0..8u8 {
        let (in_explicit, in_env, in_file) = (mask & 1 != 0, mask & 2 != 0, mask & 4 != 0);
        if mask == 0 && !always_env.is_empty() {
            // Half a credential pair alone is an error, tested in config_validation.rs.
            continue;
        }
        let mut builder = Config::builder();
        if in_explicit {
            builder = explicit(builder, values[0]);
        }
        let mut env: Vec<(&str, &str)> = always_env.to_vec();
        let attribute_env: Vec<(&str, &str)> = if in_env {
            vec![(variable, values[1])]
        } else {
            vec![]
        };
        env.extend(attribute_env);
        let file: Vec<(&str, &str)> = if in_file {
            vec![(attribute, values[2])]
        } else {
            vec![]
        };

        let config = resolve(builder, &env, &file).unwrap();

        let (want, source) = if in_explicit {
            (Some(expected(values[0])), Some(ConfigSource::Explicit))
        } else if in_env {
            (
                Some(expected(values[1])),
                Some(ConfigSource::Environment(variable_static(variable))),
            )
        } else if in_file {
            (Some(expected(values[2])), Some(file_source()))
        } else {
            (None, None)
        };
        assert_eq!(read(&config), want, "{attribute} mask {mask:03b}");
        assert_eq!(
            config.source_of(attribute).cloned(),
            source,
            "{attribute} mask {mask:03b}"
        );
    }
}

fn variable_static(name: &str) -> &'static str {
    [
        "DATABRICKS_HOST",
        "DATABRICKS_TOKEN",
        "DATABRICKS_CLIENT_ID",
        "DATABRICKS_CLIENT_SECRET",
        "DATABRICKS_WORKSPACE_ID",
        "DATABRICKS_RATE_LIMIT",
    ]
    .into_iter()
    .find(|v| *v == name)
    .unwrap()
}

#[test]
fn host_every_combination() {
    check_every_combination(
        "host",
        "DATABRICKS_HOST",
        ["explicit.example", "env.example", "file.example"],
        |b, v| b.host(v),
        |c| c.host().map(str::to_owned),
        |v| format!("https://{v}"),
        &[],
    );
}

#[test]
fn token_every_combination() {
    check_every_combination(
        "token",
        "DATABRICKS_TOKEN",
        ["dapi-explicit", "dapi-env", "dapi-file"],
        |b, v| b.token(v),
        |c| match c.credentials() {
            Some(Credentials::Pat { token }) => Some(token.expose_secret().to_owned()),
            _ => None,
        },
        str::to_owned,
        &[],
    );
}

#[test]
fn client_id_every_combination() {
    // The secret always comes from the environment, so that the pair is complete.
    check_every_combination(
        "client_id",
        "DATABRICKS_CLIENT_ID",
        ["id-explicit", "id-env", "id-file"],
        |b, v| b.client_id(v),
        |c| match c.credentials() {
            Some(Credentials::OAuthM2m { client_id, .. }) => Some(client_id.clone()),
            _ => None,
        },
        str::to_owned,
        &[("DATABRICKS_CLIENT_SECRET", "s")],
    );
}

#[test]
fn workspace_id_every_combination() {
    check_every_combination(
        "workspace_id",
        "DATABRICKS_WORKSPACE_ID",
        ["1", "2", "3"],
        |b, v| b.workspace_id(v),
        |c| c.workspace_id().map(str::to_owned),
        str::to_owned,
        &[],
    );
}

#[test]
fn rate_limit_every_combination() {
    check_every_combination(
        "rate_limit",
        "DATABRICKS_RATE_LIMIT",
        ["5", "10", "20"],
        |b, v| b.rate_limit(v.parse().unwrap()),
        |c| c.rate_limit().map(|r| r.to_string()),
        str::to_owned,
        &[],
    );
}

/// Counts reads of the file, which holds `text`.
fn resolve_counting(
    builder: ConfigBuilder,
    env: &[(&str, &str)],
    text: &str,
) -> (Result<Config, Error>, usize) {
    let reads = Cell::new(0);
    let env: HashMap<&str, &str> = env.iter().copied().collect();
    let result = builder.resolve(
        |name| env.get(name).map(|v| (*v).to_owned()),
        |_| {
            reads.set(reads.get() + 1);
            Ok(Some(text.to_owned()))
        },
    );
    (result, reads.get())
}

const DEFAULT_FILE: &str = "[DEFAULT]\nhost = file.example\ntoken = dapi-file\n";

#[test]
fn file_is_read_when_neither_host_nor_credential_is_set() {
    let (config, reads) = resolve_counting(Config::builder(), &[], DEFAULT_FILE);
    assert_eq!(reads, 1);
    assert_eq!(config.unwrap().host(), Some("https://file.example"));
}

#[test]
fn file_is_not_read_when_a_host_is_set() {
    let (config, reads) = resolve_counting(Config::builder().host("h.example"), &[], DEFAULT_FILE);
    assert_eq!(reads, 0);
    assert!(config.unwrap().credentials().is_none());
}

#[test]
fn file_is_not_read_when_a_credential_is_set() {
    let (config, reads) = resolve_counting(
        Config::builder(),
        &[("DATABRICKS_TOKEN", "dapi-env")],
        DEFAULT_FILE,
    );
    assert_eq!(reads, 0);
    assert_eq!(config.unwrap().host(), None);
}

#[test]
fn file_is_read_when_a_profile_is_named_even_if_all_is_set() {
    let (config, reads) = resolve_counting(
        Config::builder()
            .host("h.example")
            .token("dapi-explicit")
            .profile("DEFAULT"),
        &[],
        DEFAULT_FILE,
    );
    assert_eq!(reads, 1);
    let config = config.unwrap();
    assert_eq!(config.host(), Some("https://h.example"));
    assert_eq!(config.profile(), Some("DEFAULT"));
}

#[test]
fn profile_named_by_the_environment_is_read() {
    let text = "[DEFAULT]\nhost = d.example\n[dev]\nhost = dev.example\n";
    let (config, _) = resolve_counting(
        Config::builder(),
        &[("DATABRICKS_CONFIG_PROFILE", "dev")],
        text,
    );
    assert_eq!(config.unwrap().host(), Some("https://dev.example"));
}

#[test]
fn an_explicit_profile_wins_over_the_environment() {
    let text = "[a]\nhost = a.example\n[b]\nhost = b.example\n";
    let (config, _) = resolve_counting(
        Config::builder().profile("a"),
        &[("DATABRICKS_CONFIG_PROFILE", "b")],
        text,
    );
    assert_eq!(config.unwrap().host(), Some("https://a.example"));
}

#[test]
fn settings_default_profile_wins_over_default() {
    let text = "[__settings__]\ndefault_profile = dev\n[DEFAULT]\nhost = d.example\n[dev]\nhost = dev.example\n";
    let (config, _) = resolve_counting(Config::builder(), &[], text);
    let config = config.unwrap();
    assert_eq!(config.host(), Some("https://dev.example"));
    assert_eq!(config.profile(), Some("dev"));
}

#[test]
fn a_missing_default_profile_setting_is_an_error() {
    let text = "[__settings__]\ndefault_profile = gone\n[DEFAULT]\nhost = d.example\n";
    let (config, _) = resolve_counting(Config::builder(), &[], text);
    let err = config.unwrap_err();
    assert!(err.message().contains("`gone`"), "{err}");
}

#[test]
fn without_a_default_section_nothing_is_read() {
    let (config, reads) = resolve_counting(Config::builder(), &[], "[other]\nhost = o.example\n");
    assert_eq!(reads, 1);
    let config = config.unwrap();
    assert_eq!(config.host(), None);
    assert_eq!(config.profile(), None);
}

#[test]
fn a_missing_named_profile_names_file_and_profile() {
    let (config, _) = resolve_counting(
        Config::builder().profile("prod").config_file("/etc/cfg"),
        &[],
        "[dev]\nhost = x\n",
    );
    let err = config.unwrap_err();
    assert_eq!(err.kind(), tokens_core::ErrorKind::Config);
    assert!(err.message().contains("`prod`"), "{err}");
    assert!(err.message().contains("/etc/cfg"), "{err}");
    assert!(err.message().contains("dev"), "{err}");
}

#[test]
fn a_named_profile_without_a_file_is_an_error() {
    let result = Config::builder()
        .profile("dev")
        .resolve(|_| None, |_| Ok(None));
    let err = result.unwrap_err();
    assert!(err.message().contains("does not exist"), "{err}");
}

#[test]
fn a_missing_file_without_a_named_profile_is_fine() {
    let config = Config::builder().resolve(|_| None, |_| Ok(None)).unwrap();
    assert_eq!(config.host(), None);
}

#[test]
fn the_file_path_comes_from_explicit_then_environment_then_default() {
    let seen = |builder: ConfigBuilder, env: Option<&str>| {
        let mut path = String::new();
        let _ = builder.resolve(
            |name| {
                (name == "DATABRICKS_CONFIG_FILE")
                    .then(|| env.map(str::to_owned))
                    .flatten()
            },
            |p| {
                path = p.to_owned();
                Ok(None)
            },
        );
        path
    };
    assert_eq!(seen(Config::builder().config_file("/x"), Some("/y")), "/x");
    assert_eq!(seen(Config::builder(), Some("/y")), "/y");
    assert_eq!(seen(Config::builder(), None), "~/.databrickscfg");
}

#[test]
fn values_with_hash_or_backslash_are_kept_verbatim() {
    let text = "[DEFAULT]\nhost = h.example\ntoken = dapi#not-a-comment\\x ; y\n";
    let (config, _) = resolve_counting(Config::builder(), &[], text);
    match config.unwrap().credentials() {
        Some(Credentials::Pat { token }) => {
            assert_eq!(token.expose_secret(), "dapi#not-a-comment\\x ; y");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn empty_environment_values_count_as_unset() {
    let (config, _) = resolve_counting(
        Config::builder(),
        &[("DATABRICKS_HOST", ""), ("DATABRICKS_TOKEN", "")],
        DEFAULT_FILE,
    );
    let config = config.unwrap();
    assert_eq!(config.host(), Some("https://file.example"));
    assert_eq!(config.auth_type(), Some(AuthType::Pat));
}

#[test]
fn auth_type_comes_from_the_environment() {
    let (config, _) = resolve_counting(
        Config::builder(),
        &[
            ("DATABRICKS_AUTH_TYPE", "oauth-m2m"),
            ("DATABRICKS_CLIENT_ID", "i"),
            ("DATABRICKS_CLIENT_SECRET", "s"),
        ],
        "",
    );
    assert_eq!(config.unwrap().auth_type(), Some(AuthType::OAuthM2m));
}
