//! `POST …/photo`: a photo from a phone. In order, each before anything
//! costly: the room must take photos, the inbox be under its waiting size,
//! the phone under its photo rate, the form a multipart one; the
//! body is streamed into the multipart parser within its size and time
//! (413, 408, 400 cut short), the photo made safe off the server's thread
//! (`crate::photos`: 415 not an image, 413 too large a picture, 422
//! damaged), its image written into the session's photo folder, and only
//! when the event loop says the inbox's file holds it is the phone told
//! "sent".

use std::sync::atomic::Ordering;
use std::time::Instant;

use http_body_util::{BodyDataStream, Limited};
use hyper::body::Incoming;
use hyper::header::HeaderMap;

use crate::i18n::photos::photos_strings;
use crate::i18n::room::room_strings;
use crate::photos::{MAX_BYTES, PhotoError, process};
use crate::room::inbox::PhotoSubmission;
use crate::store::photos::write_photo;

use super::super::body::BodyError;
use super::super::clean::{MAX_GROUP, MAX_TEXT};
use super::super::server::Room;
use super::super::{RoomEvent, Wall, form};
use super::{Caller, Reply, cookie, delivered, problem};

/// What the form held.
#[derive(Default)]
struct Form {
    photo: Vec<u8>,
    caption: String,
    group: String,
}

/// Why the form was not read.
enum FormError {
    Body(BodyError),
    NotMultipart,
}

pub(super) async fn photo(
    room: &Room,
    wall: &Wall,
    headers: &HeaderMap,
    body: Incoming,
    caller: &Caller,
) -> Reply {
    let (r, p) = (room_strings(wall.lang), photos_strings(wall.lang));
    let Some(session) = room.photos_of.clone() else {
        return problem(room, wall, 404, r.not_found);
    };
    // A full inbox refuses before the phone's rate is counted.
    if room.photo_bytes.load(Ordering::SeqCst) >= room.limits.photos_waiting
        || room.waiting.load(Ordering::SeqCst) >= room.limits.inbox_cap
    {
        return problem(room, wall, 503, p.photos_full);
    }
    let (phone, address) = (
        format!("photo {}", caller.phone()),
        format!("photos {}", caller.ip),
    );
    let keys = [(phone.as_str(), 1), (address.as_str(), 4)];
    let allowed = room
        .phones
        .lock()
        .is_ok_and(|mut ph| ph.photo_rate.allow(&keys, Instant::now()));
    if !allowed {
        return problem(room, wall, 429, p.too_many_photos);
    }
    let form = match read_form(room, headers, body).await {
        Ok(form) => form,
        Err(FormError::NotMultipart) => return problem(room, wall, 400, p.not_a_form),
        Err(FormError::Body(BodyError::TooLarge)) => {
            return problem(room, wall, 413, p.photo_too_large);
        }
        Err(FormError::Body(e)) => {
            return problem(room, wall, e.status(), super::body_problem(r, e));
        }
    };
    if form.photo.is_empty() {
        return problem(room, wall, 400, p.no_photo);
    }
    let submission = match keep(session, form).await {
        Ok(submission) => submission,
        Err(Refused::Photo(e)) => {
            let status = match e {
                PhotoError::NotAnImage => 415,
                PhotoError::TooLarge { .. } | PhotoError::TooManyPixels { .. } => 413,
                PhotoError::Damaged(_) | PhotoError::Unreadable(_) => 422,
            };
            return problem(room, wall, status, &e.message(wall.lang));
        }
        Err(Refused::NotWritten) => return problem(room, wall, 500, r.not_saved),
    };
    let bytes = submission.bytes;
    room.waiting.fetch_add(1, Ordering::SeqCst);
    room.photo_bytes.fetch_add(bytes, Ordering::SeqCst);
    let group_cookie = match &submission.group {
        Some(g) => cookie(room, "wethi_group", &form::encode(g), 86_400),
        None => cookie(room, "wethi_group", "", 0),
    };
    if let Err(refused) = delivered(room, wall, RoomEvent::Photo(submission)).await {
        room.waiting.fetch_sub(1, Ordering::SeqCst);
        room.photo_bytes.fetch_sub(bytes, Ordering::SeqCst);
        return refused;
    }
    let mut reply = Reply::new(
        200,
        super::page::message_page(wall, &room.base, p.sent_title, p.sent_body, r.send_another),
    );
    reply.headers.push(("set-cookie", group_cookie));
    reply
}

/// Streams the multipart body: the photo's bytes (at most [`MAX_BYTES`]),
/// the caption and the group (a little past their lengths: `clean` cuts
/// them), anything else skipped; all within the photo form's size and time.
async fn read_form(room: &Room, headers: &HeaderMap, body: Incoming) -> Result<Form, FormError> {
    let content_type = headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let boundary = multer::parse_boundary(content_type).map_err(|_| FormError::NotMultipart)?;
    let limit = room.limits.photo_body();
    // A Content-Length over the limit is refused before a byte is read.
    if hyper::body::Body::size_hint(&body).lower() > limit.bytes as u64 {
        return Err(FormError::Body(BodyError::TooLarge));
    }
    let stream = BodyDataStream::new(Limited::new(body, limit.bytes));
    let mut parts = multer::Multipart::new(stream, boundary);
    let read = async {
        let mut form = Form::default();
        while let Some(mut field) = parts.next_field().await.map_err(refusal)? {
            let name = field.name().unwrap_or_default().to_owned();
            // Each field's bytes, up to what it may use; past that a text
            // is only read on (`clean` would cut it anyway), a photo refused.
            let cap = match name.as_str() {
                "photo" => MAX_BYTES,
                "caption" => MAX_TEXT * 16,
                "group" => MAX_GROUP * 16,
                _ => 0,
            };
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(refusal)? {
                if bytes.len() + chunk.len() <= cap {
                    bytes.extend_from_slice(&chunk);
                } else if name == "photo" {
                    return Err(FormError::Body(BodyError::TooLarge));
                }
            }
            let text = || String::from_utf8_lossy(&bytes).into_owned();
            match name.as_str() {
                "photo" => form.photo = bytes,
                "caption" => form.caption = text(),
                "group" => form.group = text(),
                _ => {}
            }
        }
        Ok(form)
    };
    match tokio::time::timeout(limit.time, read).await {
        Ok(read) => read,
        Err(_) => Err(FormError::Body(BodyError::Slow)),
    }
}

/// What a multipart error means for the phone.
fn refusal(e: multer::Error) -> FormError {
    match e {
        multer::Error::StreamReadFailed(cause) => {
            if cause.is::<http_body_util::LengthLimitError>() {
                FormError::Body(BodyError::TooLarge)
            } else {
                FormError::Body(BodyError::Cut)
            }
        }
        multer::Error::StreamSizeExceeded { .. } | multer::Error::FieldSizeExceeded { .. } => {
            FormError::Body(BodyError::TooLarge)
        }
        multer::Error::IncompleteStream
        | multer::Error::IncompleteFieldData { .. }
        | multer::Error::IncompleteHeaders => FormError::Body(BodyError::Cut),
        _ => FormError::NotMultipart,
    }
}

/// Why a photo that arrived whole is not kept.
enum Refused {
    Photo(PhotoError),
    NotWritten,
}

/// The photo made safe and its image written into the session's photo
/// folder, off the server's thread (decoding takes a while, and the other
/// phones are answered meanwhile).
async fn keep(session: std::path::PathBuf, form: Form) -> Result<PhotoSubmission, Refused> {
    let work = tokio::task::spawn_blocking(move || {
        let processed = process(&form.photo).map_err(Refused::Photo)?;
        let submission = PhotoSubmission::new(
            String::new(),
            &form.caption,
            &form.group,
            crate::session::now(),
            processed.jpeg.len() as u64,
            (processed.width, processed.height),
        );
        let file = format!("{}.jpg", submission.id);
        write_photo(&session, &file, &processed.jpeg).map_err(|_| Refused::NotWritten)?;
        Ok(PhotoSubmission { file, ..submission })
    });
    work.await.unwrap_or(Err(Refused::NotWritten))
}
