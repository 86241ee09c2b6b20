// Shared by build.rs and tests/app/packaging.rs (through `include!`): fills in kassa.rc.

/// The resource script for `version` ("1.2.3") with the icon at `icon`. Forward slashes,
/// which both rc.exe and windres read, spare escaping the path's backslashes.
#[allow(dead_code)]
fn windows_resource(template: &str, icon: &std::path::Path, version: &str) -> String {
    let mut parts = version.split(['.', '-', '+']).map(|p| p.parse::<u16>().unwrap_or(0));
    let mut next = || parts.next().unwrap_or(0).to_string();
    let (major, minor, patch) = (next(), next(), next());
    template
        .replace("@ICON@", &icon.display().to_string().replace('\\', "/"))
        .replace("@MAJOR@", &major)
        .replace("@MINOR@", &minor)
        .replace("@PATCH@", &patch)
        .replace("@VERSION@", version)
}
