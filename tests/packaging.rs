//! The Linux app id is one string everywhere a desktop looks for it.

#[test]
fn app_id_matches_the_desktop_file_and_the_keychain_service() {
    let desktop = include_str!("../packaging/linux/be.kassa.Kassa.desktop");
    assert!(
        desktop
            .lines()
            .any(|l| l == format!("StartupWMClass={}", kassa::app::APP_ID))
    );
    assert!(
        desktop
            .lines()
            .any(|l| l == format!("Icon={}", kassa::app::APP_ID))
    );
    assert_eq!(kassa::secrets::SERVICE, kassa::app::APP_ID);
    let manifest = include_str!("../Cargo.toml");
    assert!(
        manifest.contains("packaging/linux/be.kassa.Kassa.desktop"),
        "the .deb installs it"
    );
}
