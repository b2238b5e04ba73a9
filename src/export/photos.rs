//! What the reports need of the photos of the day beyond the session: the
//! images themselves and where they are seen from the report. The export
//! layer reads no folders, so the caller (the command line, the home
//! screen, `y`) hands both over: a link to the photo folder from where the
//! report goes, and a reader the Word and HTML writers call once per image
//! as they reach it, so one image is held at a time, never all of them.

use std::io;

/// Reads one image by its file name.
type Read<'a> = Box<dyn FnMut(&str) -> io::Result<Vec<u8>> + 'a>;

/// The images of a report's photos, handed to the writers.
pub struct Photos<'a> {
    /// The photo folder as seen from where the report is written
    /// (`ubon.photos`, `../sessions/ubon.photos`), `/` between folders:
    /// Markdown links and the post's list of files start with it.
    folder: String,
    read: Read<'a>,
}

impl<'a> Photos<'a> {
    /// The images read by `read` (an image's file name in, its JPEG bytes
    /// out, or an error that is a sentence naming it), linked through
    /// `folder`.
    pub fn new(
        folder: impl Into<String>,
        read: impl FnMut(&str) -> io::Result<Vec<u8>> + 'a,
    ) -> Photos<'a> {
        Photos {
            folder: folder.into(),
            read: Box::new(read),
        }
    }

    /// Links through `folder` and no images, for what only names them (the
    /// post): a writer that asks for one gets an error.
    pub fn links(folder: impl Into<String>) -> Photos<'static> {
        Photos::new(folder, |file: &str| {
            Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{file}: no image was handed to the report"),
            ))
        })
    }

    /// No images and bare file names, for a session without photos.
    pub fn none() -> Photos<'static> {
        Photos::links(String::new())
    }

    /// The JPEG bytes of the image `file`.
    pub fn read(&mut self, file: &str) -> io::Result<Vec<u8>> {
        (self.read)(file)
    }

    /// The path of the image `file` from where the report is written.
    pub fn path(&self, file: &str) -> String {
        match self.folder.as_str() {
            "" => file.to_owned(),
            folder => format!("{}/{file}", folder.trim_end_matches('/')),
        }
    }
}

/// A photo's size on the page: `width` and `height` in pixels (from the
/// file; anything unusable is taken as 4:3) fitted into `max_w` × `max_h`,
/// the aspect kept. The unit is the caller's.
pub fn fit(width: u32, height: u32, max_w: u64, max_h: u64) -> (u64, u64) {
    let (w, h) = match (u64::from(width), u64::from(height)) {
        (0, _) | (_, 0) => (4, 3),
        (w, h) => (w, h),
    };
    // Either the width or the height reaches its bound first.
    if w * max_h >= h * max_w {
        (max_w, (max_w * h / w).max(1))
    } else {
        ((max_h * w / h).max(1), max_h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_fits_its_box_with_its_aspect() {
        assert_eq!(fit(1600, 1200, 800, 1000), (800, 600));
        assert_eq!(fit(1200, 1600, 800, 1000), (750, 1000));
        assert_eq!(fit(0, 1600, 800, 1000), (800, 600), "unusable: 4:3");
        assert_eq!(fit(u32::MAX, 1, 800, 1000), (800, 1), "never zero");
        assert_eq!(fit(1, u32::MAX, 800, 1000), (1, 1000));
    }

    #[test]
    fn links_start_from_the_folder_and_none_reads_nothing() {
        let mut p = Photos::new("../s/ubon.photos/", |f: &str| Ok(f.as_bytes().to_vec()));
        assert_eq!(p.path("ph-1.jpg"), "../s/ubon.photos/ph-1.jpg");
        assert_eq!(p.read("x").expect("read"), b"x");
        let mut none = Photos::none();
        assert_eq!(none.path("ph-1.jpg"), "ph-1.jpg");
        assert!(none.read("ph-1.jpg").is_err());
    }
}
