//! The HTML phones see: two forms (an item, a photo), plain HTML and inline CSS, no script, no
//! external anything, so it works in the LINE in-app browser and on old
//! Android phones. Every text is escaped.

use crate::i18n::photos::photos_strings;
use crate::i18n::room::{RoomStrings, room_strings, with_number};
use crate::i18n::strings;
use crate::session::Quadrant;

use super::Wall;
use super::clean::{MAX_GROUP, MAX_TEXT};

/// What the form page shows besides the wall.
#[derive(Debug, Clone, Copy, Default)]
pub struct FormPage<'a> {
    /// The room's base path, `/R/<TOKEN>/`.
    pub base: &'a str,
    /// The group name this phone used last.
    pub group: Option<&'a str>,
    /// Votes this phone has left, when voting is on.
    pub votes_left: Option<u32>,
    /// The room takes photos: the page has their form too.
    pub photos: bool,
}

/// `s` safe inside HTML text and double-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    crate::text::sanitize::push_html_escaped(s, &mut out);
    out
}

const STYLE: &str = "\
body{margin:0;font-family:sans-serif;font-size:18px;line-height:1.4;background:#fafafa;color:#111}\
main{max-width:36em;margin:0 auto;padding:12px}\
h1{font-size:1.3em;margin:.3em 0}h2{font-size:1.1em;margin:1em 0 .3em}\
fieldset{border:0;margin:0;padding:0}legend{font-weight:bold;padding:0;margin:.5em 0}\
label.q{display:inline-block;box-sizing:border-box;width:48%;margin:1%;padding:14px 8px;\
border:3px solid #888;border-radius:10px;font-size:1.15em;font-weight:bold;text-align:center;background:#fff}\
label.q input{width:1.4em;height:1.4em;vertical-align:middle;margin:0 .3em 0 0}\
label.s{border-color:#2e7d32}label.w{border-color:#e65100}label.o{border-color:#1565c0}label.t{border-color:#c62828}\
.f{display:block;font-weight:bold;margin:.8em 0 .2em}.hint{color:#555;font-size:.85em;margin:.2em 0}\
textarea,input[type=text]{box-sizing:border-box;width:100%;font-size:1.1em;padding:10px;border:2px solid #888;border-radius:8px}\
input[type=file]{box-sizing:border-box;width:100%;font-size:1.1em;padding:10px 0}\
button,a.b{display:block;box-sizing:border-box;width:100%;margin:.6em 0;padding:14px;font-size:1.2em;font-weight:bold;\
text-align:center;text-decoration:none;border:0;border-radius:10px;background:#1565c0;color:#fff}\
form.v button{background:#fff;color:#111;border:2px solid #888;font-weight:normal;text-align:left}\
.n{font-weight:bold;margin-right:.4em}";

fn head(lang_code: &str, title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_code}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"referrer\" content=\"no-referrer\">\
<title>{}</title><style>{STYLE}</style></head><body><main>\n",
        escape(title)
    )
}

const FOOT: &str = "</main></body></html>\n";

fn quadrant_code(q: Quadrant) -> char {
    q.letter().to_ascii_lowercase()
}

/// The quadrant a form's `q` field names.
pub fn quadrant_from_code(code: &str) -> Option<Quadrant> {
    Quadrant::ALL
        .into_iter()
        .find(|&q| code.len() == 1 && code.starts_with(quadrant_code(q)))
}

/// The room's page: the title, the send form and, with voting on, the
/// board's items each with a vote button.
pub fn form_page(wall: &Wall, page: &FormPage) -> String {
    let r = room_strings(wall.lang);
    let s = strings(wall.lang);
    let base = escape(page.base);
    let mut html = head(wall.lang.code(), &wall.title);
    html.push_str(&format!("<h1>{}</h1>\n", escape(&wall.title)));
    html.push_str(&format!(
        "<p class=\"hint\">{}</p>\n<form method=\"post\" action=\"{base}add\">\n\
<fieldset><legend>{}</legend>\n",
        escape(r.page_heading),
        escape(r.choose_quadrant)
    ));
    for q in Quadrant::ALL {
        let code = quadrant_code(q);
        html.push_str(&format!(
            "<label class=\"q {code}\"><input type=\"radio\" name=\"q\" value=\"{code}\" required>{}</label>",
            escape(s.quadrant(q))
        ));
    }
    html.push_str(&format!(
        "\n</fieldset>\n<label class=\"f\" for=\"text\">{}</label>\
<p class=\"hint\">{}</p>\
<textarea id=\"text\" name=\"text\" rows=\"3\" maxlength=\"{MAX_TEXT}\" required></textarea>\n\
<label class=\"f\" for=\"group\">{}</label>\
<input type=\"text\" id=\"group\" name=\"group\" maxlength=\"{MAX_GROUP}\" value=\"{}\">\
<p class=\"hint\">{}</p>\n<button type=\"submit\">{}</button>\n</form>\n",
        escape(r.your_text),
        escape(r.text_hint),
        escape(r.group),
        escape(page.group.unwrap_or_default()),
        escape(r.group_hint),
        escape(r.send)
    ));
    if page.photos {
        html.push_str(&photo_form(wall, page, r, &base));
    }
    if wall.voting.on {
        html.push_str(&vote_section(wall, page, r, &base));
    }
    html.push_str(FOOT);
    html
}

/// The second form: a photo from the camera or the gallery (`image/*`),
/// an optional caption and the remembered group, sent as multipart.
fn photo_form(wall: &Wall, page: &FormPage, r: &RoomStrings, base: &str) -> String {
    let p = photos_strings(wall.lang);
    format!(
        "<h2 id=\"photo\">{}</h2>\n<p class=\"hint\">{}</p>\n\
<form method=\"post\" action=\"{base}photo\" enctype=\"multipart/form-data\">\n\
<label class=\"f\" for=\"photo-file\">{}</label>\
<input type=\"file\" id=\"photo-file\" name=\"photo\" accept=\"image/*\" required>\n\
<label class=\"f\" for=\"caption\">{}</label>\
<input type=\"text\" id=\"caption\" name=\"caption\" maxlength=\"{MAX_TEXT}\">\n\
<label class=\"f\" for=\"photo-group\">{}</label>\
<input type=\"text\" id=\"photo-group\" name=\"group\" maxlength=\"{MAX_GROUP}\" value=\"{}\">\n\
<button type=\"submit\">{}</button>\n</form>\n",
        escape(p.form_heading),
        escape(p.form_hint),
        escape(p.form_photo),
        escape(p.form_caption),
        escape(r.group),
        escape(page.group.unwrap_or_default()),
        escape(p.form_send)
    )
}

fn vote_section(wall: &Wall, page: &FormPage, r: &RoomStrings, base: &str) -> String {
    let s = strings(wall.lang);
    let left = page.votes_left.unwrap_or(0);
    let mut html = format!(
        "<h2 id=\"vote\">{}</h2>\n<p>{}</p>\n",
        escape(r.vote_heading),
        escape(&with_number(r.votes_left, left as usize))
    );
    for q in Quadrant::ALL {
        let items: Vec<_> = wall.items.iter().filter(|i| i.quadrant == q).collect();
        if items.is_empty() {
            continue;
        }
        html.push_str(&format!("<h2>{}</h2>\n", escape(s.quadrant(q))));
        for item in items {
            let disabled = if left == 0 { " disabled" } else { "" };
            html.push_str(&format!(
                "<form class=\"v\" method=\"post\" action=\"{base}vote\">\
<input type=\"hidden\" name=\"item\" value=\"{}\">\
<button type=\"submit\"{disabled}><span class=\"n\">{}</span>{}</button></form>\n",
                escape(&item.id),
                escape(&item.label),
                escape(&item.text)
            ));
        }
    }
    html
}

/// A short page with one message and a link back to the form: the
/// confirmation after sending, or why something was refused.
pub fn message_page(wall: &Wall, base: &str, heading: &str, message: &str, link: &str) -> String {
    let mut html = head(wall.lang.code(), &wall.title);
    html.push_str(&format!(
        "<h1>{}</h1>\n<p>{}</p>\n<a class=\"b\" href=\"{}\">{}</a>\n",
        escape(heading),
        escape(message),
        escape(base),
        escape(link)
    ));
    html.push_str(FOOT);
    html
}

/// A page for a request that never reached the room (no or a wrong token):
/// no link, nothing about the session.
pub fn bare_page(lang: crate::text::Lang, message: &str) -> String {
    let mut html = head(lang.code(), message);
    html.push_str(&format!("<p>{}</p>\n", escape(message)));
    html.push_str(FOOT);
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::room::{Voting, WallItem};
    use crate::text::Lang;

    fn wall(lang: Lang, voting: bool) -> Wall {
        Wall {
            title: "เวที <บ้านหนองบัว> & \"ทีม\"".into(),
            lang,
            voting: Voting {
                on: voting,
                ..Voting::default()
            },
            items: vec![WallItem {
                id: "sw-1".into(),
                quadrant: Quadrant::Threats,
                label: "T1".into(),
                text: "<script>alert(1)</script>".into(),
            }],
        }
    }

    #[test]
    fn everything_is_escaped() {
        let html = form_page(
            &wall(Lang::Th, true),
            &FormPage {
                base: "/r/x/",
                group: Some("\"><b>"),
                votes_left: Some(3),
                photos: true,
            },
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("<บ้าน"));
        assert!(html.contains("&lt;บ้านหนองบัว&gt; &amp; &quot;ทีม&quot;"));
        assert!(html.contains("value=\"&quot;&gt;&lt;b&gt;\""));
        // The photo form remembers the group too, escaped the same way.
        assert_eq!(html.matches("value=\"&quot;&gt;&lt;b&gt;\"").count(), 2);
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn page_language_follows_the_wall() {
        let th = form_page(&wall(Lang::Th, false), &FormPage::default());
        assert!(th.contains("lang=\"th\"") && th.contains("จุดแข็ง") && th.contains("ส่ง"));
        let en = form_page(&wall(Lang::En, false), &FormPage::default());
        assert!(en.contains("lang=\"en\"") && en.contains("Strengths") && en.contains("Send"));
    }

    #[test]
    fn vote_buttons_only_with_voting_on() {
        let page = FormPage {
            base: "/r/x/",
            votes_left: Some(0),
            ..FormPage::default()
        };
        assert!(!form_page(&wall(Lang::En, false), &page).contains("/r/x/vote"));
        let on = form_page(&wall(Lang::En, true), &page);
        assert!(on.contains("action=\"/r/x/vote\"") && on.contains(" disabled"));
        assert!(on.contains("0 votes left"));
    }

    #[test]
    fn the_photo_form_is_multipart_for_the_camera_or_the_gallery_without_script() {
        let page = FormPage {
            base: "/r/x/",
            photos: true,
            ..FormPage::default()
        };
        let html = form_page(&wall(Lang::Th, false), &page);
        assert!(html.contains("action=\"/r/x/photo\" enctype=\"multipart/form-data\""));
        assert!(html.contains(
            "type=\"file\" id=\"photo-file\" name=\"photo\" accept=\"image/*\" required"
        ));
        assert!(html.contains("name=\"caption\"") && html.contains("ส่งภาพ"));
        assert!(!html.contains("<script"));
        let without = form_page(&wall(Lang::Th, false), &FormPage::default());
        assert!(!without.contains("/photo"));
    }

    #[test]
    fn quadrant_codes_round_trip() {
        for q in Quadrant::ALL {
            assert_eq!(quadrant_from_code(&quadrant_code(q).to_string()), Some(q));
        }
        assert_eq!(quadrant_from_code("x"), None);
        assert_eq!(quadrant_from_code("ss"), None);
        assert_eq!(quadrant_from_code(""), None);
    }
}
