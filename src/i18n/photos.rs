//! Strings of photos: why an image was refused, the `wethi photos` command,
//! the Photos view and the photo folder's problems.

use crate::text::Lang;

pub struct PhotosStrings {
    /// Why an image was refused, after its name (`ภาพ.jpg: …`).
    pub too_large: &'static str,
    pub not_an_image: &'static str,
    pub too_many_pixels: &'static str,
    pub damaged: &'static str,
    pub unreadable: &'static str,
    /// `wethi photos add`: what was done.
    pub added: &'static str,
    /// `wethi photos add` while the session is open for editing elsewhere.
    pub in_use: &'static str,
    /// `wethi photos list` of a session without photos.
    pub none: &'static str,
    /// The details column's title: the photo's caption.
    pub caption: &'static str,
    /// The editing box's title.
    pub edit_caption: &'static str,
    /// The Photos view: the details of the selected photo.
    pub file: &'static str,
    pub size: &'static str,
    pub added_at: &'static str,
    pub group: &'static str,
    /// The Photos view without photos: how they come in.
    pub how_to_add: &'static str,
    /// A photo in the room's inbox, beside an item's quadrant.
    pub photo: &'static str,
    /// The room's page: the photo form.
    pub form_heading: &'static str,
    pub form_hint: &'static str,
    pub form_photo: &'static str,
    pub form_caption: &'static str,
    pub form_send: &'static str,
    /// The room's answers about a photo.
    pub sent_title: &'static str,
    pub sent_body: &'static str,
    pub no_photo: &'static str,
    pub not_a_form: &'static str,
    pub photo_too_large: &'static str,
    pub too_many_photos: &'static str,
    pub photos_full: &'static str,
    /// In place of an empty caption.
    pub no_caption: &'static str,
    /// `wethi validate`: a listed photo's image is not in the folder.
    pub missing: &'static str,
    /// A report refused while a photo's image is missing (`{n}`: its place
    /// in the Photos view, from 1).
    pub report_missing: &'static str,
    /// An image in the photo folder that is not the JPEG wethi stored.
    pub not_stored: &'static str,
    /// Copying or moving a session's photo folder failed.
    pub folder_failed: &'static str,
}

pub const TH: PhotosStrings = PhotosStrings {
    too_large: "ภาพใหญ่เกิน {limit} MB ({size} MB)",
    not_an_image: "ไม่ใช่ภาพ JPEG, PNG หรือ WebP",
    too_many_pixels: "ภาพมีขนาดใหญ่เกินกว่าจะเปิดได้ ({width} × {height} จุด)",
    damaged: "เปิดภาพไม่ได้ ไฟล์อาจเสียหาย ({why})",
    unreadable: "อ่านไฟล์ไม่ได้ ({why})",
    added: "เพิ่มภาพ {n} ภาพในเวที {file} แล้ว",
    in_use: "{file}: มี wethi อีกตัวเปิดเวทีนี้แก้ไขอยู่ จึงยังเพิ่มภาพไม่ได้ ปิดเวทีนั้นก่อนแล้วลองอีกครั้ง",
    none: "เวทีนี้ยังไม่มีภาพ",
    form_heading: "ส่งภาพกิจกรรม",
    form_hint: "ภาพบรรยากาศ กระดาษฟลิปชาร์ตของกลุ่ม หรือการนำเสนอ: ถ่ายใหม่หรือเลือกจากคลังภาพ (JPEG, PNG หรือ WebP ไม่เกิน 15 MB) ตำแหน่ง GPS และข้อมูลอื่นในไฟล์ภาพจะถูกลบออก",
    form_photo: "ภาพ",
    form_caption: "คำบรรยายภาพ (ไม่ใส่ก็ได้)",
    form_send: "ส่งภาพ",
    sent_title: "ส่งภาพแล้ว",
    sent_body: "ภาพจะอยู่ในรายงานเมื่อวิทยากรรับภาพนี้",
    no_photo: "ยังไม่ได้เลือกภาพ",
    not_a_form: "ข้อมูลที่ส่งมาไม่ใช่แบบฟอร์มส่งภาพ",
    photo_too_large: "ภาพใหญ่เกิน 15 MB",
    too_many_photos: "ส่งภาพถี่เกินไป รอสักครู่แล้วลองใหม่",
    photos_full: "มีภาพรอวิทยากรอยู่มากแล้ว รอสักครู่แล้วลองใหม่",
    no_caption: "(ไม่มีคำบรรยาย)",
    photo: "ภาพ",
    caption: "คำบรรยายภาพ",
    edit_caption: "แก้ไขคำบรรยายภาพ",
    file: "ไฟล์",
    size: "ขนาด",
    added_at: "เพิ่มเมื่อ",
    group: "กลุ่ม",
    how_to_add: "ยังไม่มีภาพ — ผู้เข้าร่วมส่งภาพจากโทรศัพท์ได้เมื่อเปิดห้องรับความเห็น (R) หรือเพิ่มจากเครื่องนี้ด้วยคำสั่ง wethi photos add ไฟล์เวที ไฟล์ภาพ",
    missing: "ไม่พบไฟล์ภาพ {photo} ของ photos[{index}] ในโฟลเดอร์ {folder}",
    folder_failed: "จัดการโฟลเดอร์ภาพ {folder} ไม่สำเร็จ ({why})",
    report_missing: "ไม่พบไฟล์ภาพ {photo} ของภาพที่ {n} ในโฟลเดอร์ {folder} นำไฟล์กลับมาไว้ที่เดิม หรือลบภาพนี้ในมุมมองภาพกิจกรรม แล้วส่งออกอีกครั้ง",
    not_stored: "ไม่ใช่ภาพ JPEG ที่ wethi เก็บไว้",
};

pub const EN: PhotosStrings = PhotosStrings {
    too_large: "the image is over {limit} MB ({size} MB)",
    not_an_image: "not a JPEG, PNG or WebP image",
    too_many_pixels: "the image is too large to open ({width} × {height} pixels)",
    damaged: "the image cannot be read, the file may be damaged ({why})",
    unreadable: "the file cannot be read ({why})",
    added: "{n} photo(s) added to {file}",
    in_use: "{file}: another wethi has this session open for editing, so no photo can be added now; close it there and try again",
    none: "this session has no photos yet",
    form_heading: "Send a photo",
    form_hint: "The room, your group's flip-chart, a presentation: take one or pick one from the gallery (JPEG, PNG or WebP, 15 MB at most). Its GPS position and other data in the file are removed.",
    form_photo: "Photo",
    form_caption: "Caption (optional)",
    form_send: "Send the photo",
    sent_title: "Photo sent",
    sent_body: "It goes into the report once the facilitator accepts it.",
    no_photo: "no photo was chosen",
    not_a_form: "what was sent is not the photo form",
    photo_too_large: "the photo is over 15 MB",
    too_many_photos: "too many photos at once: wait a minute and try again",
    photos_full: "many photos are already waiting for the facilitator: try again in a while",
    no_caption: "(no caption)",
    photo: "photo",
    caption: "caption",
    edit_caption: "Edit the caption",
    file: "file",
    size: "size",
    added_at: "added",
    group: "group",
    how_to_add: "No photos yet — phones send them while the room is open (R), or add them from this computer with: wethi photos add SESSION IMAGE…",
    missing: "the image {photo} of photos[{index}] is not in {folder}",
    folder_failed: "the photo folder {folder} could not be handled ({why})",
    report_missing: "the image {photo} of photo {n} is not in {folder}: put it back, or delete that photo in the Photos view, then export again",
    not_stored: "not the JPEG image wethi stored",
};

pub fn photos_strings(lang: Lang) -> &'static PhotosStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}
