//! The command line's help: `wethi --help`, `wethi COMMAND --help`,
//! `wethi help COMMAND`, and the descriptions shells show beside
//! completions. clap lays it out; every word of it comes from here, in the
//! UI language (`cli/help.rs` puts them in place).
//!
//! clap's own words (headings, `--help`, `--version`) are [`HelpStrings`].
//! Each command's help is one entry of [`COMMANDS`], with its Thai and
//! English side by side: the compiler holds every entry to both languages,
//! and a test in `cli/help.rs` walks the real command line and fails,
//! naming the entry to add, while a command or an argument has none.

use crate::text::Lang;

pub struct HelpStrings {
    /// Before the usage line (clap's "Usage:").
    pub usage: &'static str,
    /// Above the list of commands.
    pub commands: &'static str,
    /// Above the values given without a flag (`FILE`).
    pub arguments: &'static str,
    /// Above the flags.
    pub options: &'static str,
    /// `-h`, `--help`.
    pub help: &'static str,
    /// `-V`, `--version`.
    pub version: &'static str,
    /// `wethi help`.
    pub help_command: &'static str,
    /// The COMMAND of `wethi help COMMAND`.
    pub help_command_arg: &'static str,
    /// After a flag's help when it has a default; `{value}`.
    pub default_value: &'static str,
    /// After a flag's help when it takes one of a few values; `{values}`.
    pub possible_values: &'static str,
    /// After a flag's help when an environment variable can stand for it; `{name}`.
    pub env: &'static str,
    /// At the end of `wethi --help`.
    pub home_screen: &'static str,
}

pub const TH: HelpStrings = HelpStrings {
    usage: "วิธีใช้:",
    commands: "คำสั่ง",
    arguments: "ค่าที่ระบุ",
    options: "ตัวเลือก",
    help: "แสดงวิธีใช้นี้",
    version: "แสดงรุ่นของโปรแกรม",
    help_command: "แสดงวิธีใช้นี้ หรือวิธีใช้ของคำสั่งที่ระบุ",
    help_command_arg: "คำสั่งที่ต้องการดูวิธีใช้",
    default_value: "[ค่าเริ่มต้น: {value}]",
    possible_values: "[เลือกได้: {values}]",
    env: "[หรือตั้งตัวแปร {name}]",
    home_screen: "ถ้าไม่ระบุคำสั่ง wethi จะเปิดหน้าแรก: รายการเวทีในโฟลเดอร์ข้อมูล",
};

pub const EN: HelpStrings = HelpStrings {
    usage: "Usage:",
    commands: "Commands",
    arguments: "Arguments",
    options: "Options",
    help: "Print help",
    version: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    help_command_arg: "Print help for the subcommand(s)",
    default_value: "[default: {value}]",
    possible_values: "[possible values: {values}]",
    env: "[env: {name}]",
    home_screen: "Without a command, wethi opens the home screen: the sessions in the data folder.",
};

pub fn help_strings(lang: Lang) -> &'static HelpStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}

/// One text in both languages.
pub struct Words {
    pub th: &'static str,
    pub en: &'static str,
}

impl Words {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Th => self.th,
            Lang::En => self.en,
        }
    }
}

/// The help of one command: what it does, and each of its arguments.
pub struct CommandHelp {
    /// The command as typed: `wethi`, `wethi new`, `wethi photos add`.
    pub path: &'static str,
    pub about: Words,
    /// Each argument by its name in `cli/args.rs` (the field: `no_open`,
    /// `file`). The global flags are the top command's (`wethi`).
    pub args: &'static [(&'static str, Words)],
}

/// The help of `path`, if it has an entry.
pub fn command_help(path: &str) -> Option<&'static CommandHelp> {
    COMMANDS.iter().find(|c| c.path == path)
}

/// A session file, as every command that reads one takes it.
const SESSION_FILE: Words = Words {
    th: "ไฟล์เวที: ที่อยู่ของไฟล์ หรือชื่อไฟล์ในโฟลเดอร์ข้อมูล",
    en: "A session file: a path, or a file name in the data folder",
};

/// Every command's help, in the order of `wethi --help`.
const PRINT_JSON: Words = Words {
    th: "พิมพ์เป็น JSON แทนทีละบรรทัด",
    en: "Print JSON instead of lines",
};

const REPORT_OUTPUT: Words = Words {
    th: "เขียนรายงานลงไฟล์ OUT (เขียนครบทั้งไฟล์ หรือไม่เขียนเลย) แทนการพิมพ์ออกทางหน้าจอ",
    en: "Write the report to OUT (whole or not at all) instead of stdout",
};

pub const COMMANDS: &[CommandHelp] = &[
    CommandHelp {
        path: "wethi",
        about: Words {
            th: "เวที — กระดานประชุมเชิงปฏิบัติการบนเทอร์มินัล: วาระ แนวทาง และ SWOT ที่จดสดระหว่างประชุม บันทึกเป็นไฟล์ JSON",
            en: "เวที — a terminal board for facilitated workshops: agenda, guidance, live SWOT, saved as JSON",
        },
        args: &[
            (
                "data_dir",
                Words {
                    th: "โฟลเดอร์ที่เก็บไฟล์เวที (ค่าเริ่มต้น: โฟลเดอร์ข้อมูลของระบบ ต่อด้วย /sessions)",
                    en: "The folder that holds session files [default: the platform data folder + /sessions]",
                },
            ),
            (
                "lang",
                Words {
                    th: "ภาษาที่แสดง (ค่าเริ่มต้น: ภาษาไทยเมื่อ LANG หรือ LC_ALL ขึ้นต้นด้วย th หรือบน Windows เมื่อ Windows ใช้ภาษาไทย นอกนั้นภาษาอังกฤษ)",
                    en: "The UI language [default: Thai when LANG/LC_ALL starts with \"th\" (on Windows: when Windows is in Thai), else English]",
                },
            ),
            (
                "theme",
                Words {
                    th: "สีของหน้าจอ: dark พื้นมืด หรือ light / high-contrast สำหรับโปรเจกเตอร์ในห้องที่สว่าง",
                    en: "Colours: dark, or light / high-contrast for projectors in bright rooms",
                },
            ),
        ],
    },
    CommandHelp {
        path: "wethi new",
        about: Words {
            th: "เริ่มเวทีใหม่จากแม่แบบในตัวโปรแกรม (หรือจาก FILE)",
            en: "Start a new session from the built-in template (or FILE)",
        },
        args: &[
            (
                "title",
                Words {
                    th: "ชื่อเวที",
                    en: "The session's title",
                },
            ),
            (
                "template",
                Words {
                    th: "ไฟล์เวทีที่จะใช้เป็นแม่แบบแทนแม่แบบในตัว",
                    en: "A session file to use as the template instead of the built-in one",
                },
            ),
            (
                "from",
                Words {
                    th: "เวทีครั้งก่อนที่จะทำต่อ: ใช้ข้อมูลเวทีและโครงสร้างเดิม และนำสิ่งที่ต้องทำที่ยังไม่เสร็จมาติดตามผล",
                    en: "A past session to continue: its details and structure, and its open action items to follow up",
                },
            ),
            (
                "no_open",
                Words {
                    th: "สร้างไฟล์แล้วพิมพ์ที่อยู่ของไฟล์ โดยไม่เปิดหน้าจอ",
                    en: "Write the file and print its path; start no UI",
                },
            ),
        ],
    },
    CommandHelp {
        path: "wethi open",
        about: Words {
            th: "เปิดเวทีเพื่อแก้ไข",
            en: "Edit a session",
        },
        args: &[
            ("file", SESSION_FILE),
            (
                "room",
                Words {
                    th: "เปิดห้องทันที: ผู้เข้าร่วมส่งรายการจากโทรศัพท์ที่ต่อเครือข่ายเดียวกันได้",
                    en: "Open room mode at once: phones on this network send items",
                },
            ),
            (
                "port",
                Words {
                    th: "พอร์ตของห้อง (ค่าเริ่มต้น: 8080 หรือพอร์ตถัดไปที่ว่าง)",
                    en: "The room's port (default: 8080 or the next free one)",
                },
            ),
            (
                "bind",
                Words {
                    th: "ที่อยู่ IP ที่ห้องรอรับการเชื่อมต่อ (ค่าเริ่มต้น: ทุกเครือข่ายของเครื่องนี้)",
                    en: "The address the room listens on (default: every interface)",
                },
            ),
        ],
    },
    CommandHelp {
        path: "wethi view",
        about: Words {
            th: "เปิดดูเวทีแบบอ่านอย่างเดียว",
            en: "Review a session read-only",
        },
        args: &[("file", SESSION_FILE)],
    },
    CommandHelp {
        path: "wethi template",
        about: Words {
            th: "พิมพ์แม่แบบในตัวโปรแกรมออกมาเป็น JSON",
            en: "Print the built-in template as JSON",
        },
        args: &[],
    },
    CommandHelp {
        path: "wethi validate",
        about: Words {
            th: "ตรวจไฟล์ตามรูปแบบไฟล์เวที จบด้วยรหัส 0 เฉพาะเมื่อทุกไฟล์ถูกต้อง",
            en: "Check files against the session format; exit 0 only if all are valid",
        },
        args: &[(
            "files",
            Words {
                th: "ไฟล์เวทีอย่างน้อยหนึ่งไฟล์: ที่อยู่ของไฟล์ หรือชื่อไฟล์ในโฟลเดอร์ข้อมูล",
                en: "Session files: paths, or file names in the data folder",
            },
        )],
    },
    CommandHelp {
        path: "wethi list",
        about: Words {
            th: "รายการเวทีในโฟลเดอร์ข้อมูล ล่าสุดขึ้นก่อน",
            en: "The sessions in the data folder, newest first",
        },
        args: &[(
            "json",
            Words {
                th: "พิมพ์เป็น JSON แทนตาราง",
                en: "Print JSON instead of a table",
            },
        )],
    },
    CommandHelp {
        path: "wethi backups",
        about: Words {
            th: "ไฟล์สำรองที่เก็บไว้ของเวที ล่าสุดขึ้นก่อน",
            en: "The backups kept of a session, newest first",
        },
        args: &[("file", SESSION_FILE)],
    },
    CommandHelp {
        path: "wethi restore",
        about: Words {
            th: "นำไฟล์สำรองกลับมาใช้ (ไฟล์ปัจจุบันจะถูกสำรองไว้ก่อน)",
            en: "Put a backup back in place (the current file is backed up first)",
        },
        args: &[(
            "backup",
            Words {
                th: "ไฟล์สำรอง: ไฟล์ในโฟลเดอร์ .backups/ ข้างไฟล์เวที",
                en: "A backup: a file in the .backups/ folder beside a session",
            },
        )],
    },
    CommandHelp {
        path: "wethi show",
        about: Words {
            th: "แสดงเวทีทั้งหมดเป็นข้อความ (ใช้เป็นตัวแปลง textconv ของ git ได้)",
            en: "The whole session as text (a git textconv driver too)",
        },
        args: &[
            ("file", SESSION_FILE),
            (
                "board",
                Words {
                    th: "พิมพ์ตาราง SWOT แบบเดียวกับที่เห็นบนหน้าจอ",
                    en: "Print the SWOT board as the UI draws it",
                },
            ),
            (
                "width",
                Words {
                    th: "ความกว้างเป็นจำนวนช่องตัวอักษร ของข้อความหรือตาราง (ค่าเริ่มต้น: ความกว้างของเทอร์มินัล หรือ 100)",
                    en: "Width in columns, of the text or the board [default: the terminal's width, or 100]",
                },
            ),
        ],
    },
    CommandHelp {
        path: "wethi diff",
        about: Words {
            th: "เทียบสองเวทีว่ามีอะไรเพิ่มขึ้น หายไป หรือเปลี่ยนไป",
            en: "What appeared, disappeared or changed between two sessions",
        },
        args: &[
            (
                "old",
                Words {
                    th: "ไฟล์เวทีครั้งก่อน",
                    en: "The earlier session file",
                },
            ),
            (
                "new",
                Words {
                    th: "ไฟล์เวทีครั้งหลัง",
                    en: "The later session file",
                },
            ),
        ],
    },
    CommandHelp {
        path: "wethi merge",
        about: Words {
            th: "รวมเวทีของกลุ่มย่อยเป็นเวทีเดียว",
            en: "Merge breakout-group sessions into one",
        },
        args: &[
            (
                "files",
                Words {
                    th: "ไฟล์เวที กลุ่มละหนึ่งไฟล์ (อย่างน้อยสองไฟล์)",
                    en: "Session files, one per group (at least two)",
                },
            ),
            (
                "out",
                Words {
                    th: "ไฟล์ของเวทีที่รวมแล้ว (ต้องไม่ใช่ไฟล์ต้นทาง)",
                    en: "The merged session's file (never one of the inputs)",
                },
            ),
            (
                "group_names",
                Words {
                    th: "ชื่อกลุ่ม ไฟล์ละหนึ่งชื่อ คั่นด้วยจุลภาค (ค่าเริ่มต้น: ชื่อเวทีของแต่ละไฟล์)",
                    en: "The groups' names, one per file, comma-separated [default: each file's title]",
                },
            ),
            (
                "title",
                Words {
                    th: "ชื่อของเวทีที่รวมแล้ว (ค่าเริ่มต้น: \"รวมผลจากกลุ่ม: \" ตามด้วยชื่อกลุ่ม)",
                    en: "The merged session's title [default: \"Merged from groups: \" and their names]",
                },
            ),
            (
                "force",
                Words {
                    th: "เขียนทับ OUT หากมีไฟล์นี้อยู่แล้ว",
                    en: "Overwrite OUT if it already exists",
                },
            ),
        ],
    },
    CommandHelp {
        path: "wethi photos",
        about: Words {
            th: "ภาพกิจกรรม: เพิ่มภาพลงในเวที หรือดูรายการภาพ",
            en: "Photos of the day: add images to a session, or list them",
        },
        args: &[],
    },
    CommandHelp {
        path: "wethi photos add",
        about: Words {
            th: "เพิ่มภาพ (JPEG, PNG หรือ WebP ไม่เกินภาพละ 15 MB) ลงในเวที: หมุนภาพให้ตั้งตรงตามที่ถ่าย ย่อให้ด้านยาวไม่เกิน 1600 จุด และลบข้อมูลในไฟล์ภาพทั้งหมด (รวมถึงตำแหน่ง GPS) ถ้ามีภาพใดใช้ไม่ได้ จะไม่เก็บภาพใดเลย",
            en: "Add images (JPEG, PNG or WebP, at most 15 MB each) to a session: each is stored upright, at most 1600 px on its long edge, without any metadata (no GPS); one bad image stores nothing",
        },
        args: &[
            ("file", SESSION_FILE),
            (
                "images",
                Words {
                    th: "ไฟล์ภาพที่จะเพิ่ม ตามลำดับ",
                    en: "The images to add, in order",
                },
            ),
            (
                "caption",
                Words {
                    th: "คำบรรยายใต้ภาพ ใช้กับทุกภาพที่เพิ่มครั้งนี้",
                    en: "The caption printed under each of them",
                },
            ),
        ],
    },
    CommandHelp {
        path: "wethi photos list",
        about: Words {
            th: "รายการภาพของเวที ตามลำดับในรายงาน",
            en: "The session's photos, in report order",
        },
        args: &[("file", SESSION_FILE)],
    },
    CommandHelp {
        path: "wethi export",
        about: Words {
            th: "ทำรายงานของเวทีพร้อมภาพกิจกรรม เป็นภาษาของเวทีนั้น เว้นแต่ระบุ --lang",
            en: "A report of a session with its photos, in its language unless --lang is given",
        },
        args: &[
            ("file", SESSION_FILE),
            (
                "format",
                Words {
                    th: "รูปแบบของรายงาน: md (Markdown), html (หน้าเว็บไฟล์เดียว พิมพ์บน A4 ได้), docx (Word ต้องใช้คู่กับ -o), csv (ตาราง หนึ่งแถวต่อหนึ่งรายการ) หรือ post (ข่าวประชาสัมพันธ์ เป็นข้อความล้วนสำหรับโพสต์ลง Facebook หรือ LINE)",
                    en: "The report's format: md (Markdown), html (one HTML file, for A4), docx (Word; needs -o), csv (one row per entry) or post (the news post: plain text for Facebook or LINE)",
                },
            ),
            ("output", REPORT_OUTPUT),
            (
                "thai_digits",
                Words {
                    th: "ใช้เลขไทยกับตัวเลข วันที่ และเลขหน้า (๑๓ มกราคม ๒๕๖๔) ใช้กับ csv ไม่ได้",
                    en: "Numbers, dates and page numbers in Thai digits (๑๓ มกราคม ๒๕๖๔); not for csv",
                },
            ),
        ],
    },
    CommandHelp {
        path: "wethi search",
        about: Words {
            th: "ค้นทุกข้อความของทุกเวทีในโฟลเดอร์ข้อมูลที่มีคำค้น",
            en: "Everything said in every session of the data folder that holds QUERY",
        },
        args: &[
            (
                "query",
                Words {
                    th: "คำที่ต้องการค้นหา (ํา = ำ ตัวพิมพ์เล็กใหญ่และการเว้นวรรคไม่มีผล)",
                    en: "The words to look for (ํา = ำ; case and spacing do not count)",
                },
            ),
            ("json", PRINT_JSON),
        ],
    },
    CommandHelp {
        path: "wethi actions",
        about: Words {
            th: "สิ่งที่ต้องทำและงานติดตามที่ยังค้างอยู่ในทุกเวที งานที่เลยกำหนดขึ้นก่อน",
            en: "Action items and follow-ups still open across sessions, overdue first",
        },
        args: &[
            (
                "overdue",
                Words {
                    th: "เฉพาะงานที่เลยกำหนด",
                    en: "Only the overdue ones",
                },
            ),
            (
                "owner",
                Words {
                    th: "เฉพาะงานที่ชื่อผู้รับผิดชอบมีคำว่า NAME",
                    en: "Only those whose owner holds NAME",
                },
            ),
            (
                "all",
                Words {
                    th: "รวมงานที่เสร็จหรือยกเลิกแล้วด้วย",
                    en: "Done and dropped ones too",
                },
            ),
            ("json", PRINT_JSON),
            (
                "format",
                Words {
                    th: "พิมพ์เป็นรูปแบบนี้แทนทีละบรรทัด: csv",
                    en: "Print in this format instead of lines: csv",
                },
            ),
        ],
    },
    CommandHelp {
        path: "wethi insights",
        about: Words {
            th: "ภาพรวมทุกเวที: ประเด็นที่พบซ้ำ งานค้างแยกตามผู้รับผิดชอบ และจำนวนเวทีรายเดือน",
            en: "What recurs across sessions, open actions by owner, sessions per month",
        },
        args: &[
            (
                "since",
                Words {
                    th: "เฉพาะเวทีตั้งแต่วันที่นี้",
                    en: "Only sessions on or after this date",
                },
            ),
            (
                "until",
                Words {
                    th: "เฉพาะเวทีจนถึงวันที่นี้",
                    en: "Only sessions on or before this date",
                },
            ),
            (
                "format",
                Words {
                    th: "รูปแบบของรายงาน: md, html (หน้าเว็บไฟล์เดียวพร้อมแผนภูมิ พิมพ์บน A4 ได้) หรือ csv",
                    en: "The report's format: md, html (one page with charts, for A4) or csv",
                },
            ),
            ("output", REPORT_OUTPUT),
        ],
    },
    CommandHelp {
        path: "wethi completions",
        about: Words {
            th: "พิมพ์สคริปต์ที่ทำให้เชลล์เติมคำสั่งและชื่อไฟล์เวทีให้เมื่อกด Tab",
            en: "Print the script that lets the shell complete commands and session files on Tab",
        },
        args: &[(
            "shell",
            Words {
                th: "เชลล์ที่ใช้",
                en: "The shell",
            },
        )],
    },
    CommandHelp {
        path: "wethi man",
        about: Words {
            th: "พิมพ์หน้าคู่มือ (man page ภาษาอังกฤษ อ่านด้วย man -l -)",
            en: "Print the manual page (read it with man -l -)",
        },
        args: &[],
    },
];
