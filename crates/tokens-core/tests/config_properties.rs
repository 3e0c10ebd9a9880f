//! No input makes configuration parsing panic, and whatever it accepts is well formed.

use proptest::prelude::*;
use tokens_core::{Config, ErrorKind, normalize_host};

proptest! {
    #[test]
    fn host_normalisation_never_panics_and_is_idempotent(host in "\\PC{0,40}") {
        if let Ok(normalised) = normalize_host(&host) {
            prop_assert!(normalised.starts_with("https://") || normalised.starts_with("http://"));
            prop_assert!(!normalised.ends_with('/'));
            prop_assert_eq!(normalize_host(&normalised).ok(), Some(normalised.clone()));
        }
    }

    #[test]
    fn any_config_file_text_resolves_or_fails_as_config(text in "(\\PC|\\n|\\[|\\]|=){0,200}") {
        let result = Config::builder().resolve(|_| None, |_| Ok(Some(text.clone())));
        if let Err(err) = result {
            prop_assert_eq!(err.kind(), ErrorKind::Config);
        }
    }

    #[test]
    fn any_environment_value_resolves_or_fails_as_config(
        host in "\\PC{0,20}",
        rate in "\\PC{0,6}",
        workspace in "\\PC{0,8}",
        auth in "\\PC{0,10}",
    ) {
        let env = [
            ("DATABRICKS_HOST", host),
            ("DATABRICKS_RATE_LIMIT", rate),
            ("DATABRICKS_WORKSPACE_ID", workspace),
            ("DATABRICKS_AUTH_TYPE", auth),
            ("DATABRICKS_TOKEN", "dapi-x".to_owned()),
        ];
        let result = Config::builder().resolve(
            |name| env.iter().find(|(key, _)| *key == name).map(|(_, value)| value.clone()),
            |_| Ok(None),
        );
        match result {
            Ok(config) => {
                if config.host().is_some() {
                    prop_assert!(config.endpoint().is_ok());
                }
            }
            Err(err) => prop_assert_eq!(err.kind(), ErrorKind::Config),
        }
    }
}
