//! The layers of the library, lowest first, and a test that keeps imports
//! pointing down: a module may use the ones before it in [`LAYERS`], never
//! one after it. `docs/ARCHITECTURE.md` describes each layer.

/// Every module `lib.rs` declares, lowest first.
pub const LAYERS: &[&str] = &[
    "text", "session", "i18n", "store", "photos", "across", "export", "room", "app", "input", "ui",
    "burst", "tui", "cli",
];

/// `(line number, module)` for each line of `source` that names a module
/// above `layer` with a `crate::` path. Comments may name any module.
fn upward_imports(source: &str, layer: usize) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        for module in LAYERS.iter().skip(layer + 1) {
            let path = format!("crate::{module}");
            let named = code.match_indices(&path).any(|(i, _)| {
                let next = code[i + path.len()..].chars().next();
                !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            if named {
                found.push((n + 1, *module));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use super::*;

    fn src() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
    }

    /// The `.rs` files of a module: `src/NAME.rs` and everything under
    /// `src/NAME/`. Files of tests only (`tests.rs`, `*_tests.rs`) are left
    /// out: a test may drive a higher layer to check the whole, as the
    /// app's tests draw a frame.
    fn files_of(module: &str) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let single = src().join(format!("{module}.rs"));
        if single.is_file() {
            out.push(single);
        }
        let mut dirs = vec![src().join(module)];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().into_owned();
                if path.is_dir() {
                    if name != "tests" {
                        dirs.push(path);
                    }
                } else if name.ends_with(".rs")
                    && name != "tests.rs"
                    && !name.ends_with("_tests.rs")
                {
                    out.push(path);
                }
            }
        }
        out
    }

    #[test]
    fn every_module_of_the_library_has_a_layer() {
        let lib = fs::read_to_string(src().join("lib.rs")).unwrap();
        let declared: Vec<&str> = lib
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pub mod "))
            .map(|l| l.trim_end_matches(';'))
            .collect();
        for module in &declared {
            assert!(
                LAYERS.contains(module),
                "src/lib.rs declares `{module}`: place it in LAYERS (src/layers.rs) \
                 and in docs/ARCHITECTURE.md"
            );
        }
        for module in LAYERS {
            assert!(
                declared.contains(module),
                "`{module}` is in LAYERS but not in src/lib.rs"
            );
            assert!(
                !files_of(module).is_empty(),
                "no source file for `{module}`"
            );
        }
    }

    #[test]
    fn no_layer_imports_one_above_it() {
        let mut wrong = Vec::new();
        for (layer, module) in LAYERS.iter().enumerate() {
            for file in files_of(module) {
                let source = fs::read_to_string(&file).unwrap();
                for (line, above) in upward_imports(&source, layer) {
                    let file = file.strip_prefix(src()).unwrap_or(&file).display();
                    wrong.push(format!("src/{file}:{line}: `{module}` uses `{above}`"));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "imports must point down the layers (src/layers.rs):\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn the_check_sees_an_upward_import_and_ignores_comments_and_longer_names() {
        let i18n = LAYERS.iter().position(|m| *m == "i18n").unwrap();
        let source = "use crate::session::Quadrant;\n\
                      pub fn f(v: crate::app::View) {}\n\
                      // crate::ui is named in a comment only\n\
                      use crate::textual;\n\
                      let _ = crate::tui::run;\n";
        assert_eq!(upward_imports(source, i18n), [(2, "app"), (5, "tui")]);
        assert!(upward_imports(source, LAYERS.len() - 1).is_empty());
    }
}
