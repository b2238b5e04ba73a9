//! Reading a request's body within a size and a time: a phone that sends
//! too much is refused before its bytes are read, one that stops halfway is
//! told so, and one that sends too slowly is cut off, all without holding a
//! thread (the read is a task of the server's runtime).
//!
//! A route with a large body, a photo of up to 15 MB say, takes its own
//! [`BodyLimit`]: read whole with [`read_body`], or streamed into a
//! multipart parser (`http_body_util::BodyDataStream` over
//! `http_body_util::Limited`) inside `tokio::time::timeout`.

use std::time::Duration;

use http_body_util::{BodyExt, Limited};
use hyper::body::{Body, Bytes};

/// How much of a body a route reads, and how long it waits for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit {
    /// Largest body, in bytes (413 beyond).
    pub bytes: usize,
    /// The whole body must arrive within this, from when the route starts
    /// reading it (408 beyond).
    pub time: Duration,
}

/// Why a body was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyError {
    /// Longer than the limit, said by its Content-Length or found reading.
    TooLarge,
    /// The connection ended (or the chunked encoding broke) before the body
    /// did: what arrived is not used.
    Cut,
    /// Not all there within the time allowed.
    Slow,
}

impl BodyError {
    pub fn status(self) -> u16 {
        match self {
            BodyError::TooLarge => 413,
            BodyError::Cut => 400,
            BodyError::Slow => 408,
        }
    }
}

/// The whole of `body`, within `limit`.
pub async fn read_body<B>(body: B, limit: BodyLimit) -> Result<Bytes, BodyError>
where
    B: Body<Data = Bytes>,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    // A Content-Length over the limit is refused before a byte is read.
    if body.size_hint().lower() > limit.bytes as u64 {
        return Err(BodyError::TooLarge);
    }
    match tokio::time::timeout(limit.time, Limited::new(body, limit.bytes).collect()).await {
        Err(_) => Err(BodyError::Slow),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => Err(BodyError::TooLarge),
        Ok(Err(_)) => Err(BodyError::Cut),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::Full;
    use hyper::body::Frame;
    use std::collections::VecDeque;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    fn run<T>(f: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
            .block_on(f)
    }

    const LIMIT: BodyLimit = BodyLimit {
        bytes: 8,
        time: Duration::from_secs(60),
    };

    /// How a test body ends after its chunks.
    #[derive(Clone, Copy)]
    enum End {
        Done,
        /// The connection closed before the Content-Length was reached.
        Cut,
        /// The phone stopped sending.
        Never,
    }

    /// A body of chunks without a declared length, as a chunked upload is.
    struct Chunks(VecDeque<&'static str>, End);

    impl Body for Chunks {
        type Data = Bytes;
        type Error = std::io::Error;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
            if let Some(chunk) = self.0.pop_front() {
                return Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(chunk.as_bytes())))));
            }
            match self.1 {
                End::Done => Poll::Ready(None),
                End::Cut => Poll::Ready(Some(Err(std::io::ErrorKind::UnexpectedEof.into()))),
                End::Never => Poll::Pending,
            }
        }
    }

    fn chunks(parts: &[&'static str], end: End) -> Chunks {
        Chunks(parts.iter().copied().collect(), end)
    }

    #[test]
    fn a_body_within_the_limit_is_read_whole() {
        let read = run(read_body(chunks(&["q=s&", "t=x"], End::Done), LIMIT));
        assert_eq!(read.unwrap(), "q=s&t=x");
        let whole = Full::new(Bytes::from_static(b"12345678"));
        assert_eq!(run(read_body(whole, LIMIT)).unwrap(), "12345678");
    }

    #[test]
    fn too_much_is_413_and_cut_short_is_400() {
        let declared = Full::new(Bytes::from_static(b"123456789"));
        assert_eq!(run(read_body(declared, LIMIT)), Err(BodyError::TooLarge));
        let streamed = chunks(&["12345", "6789"], End::Done);
        assert_eq!(run(read_body(streamed, LIMIT)), Err(BodyError::TooLarge));
        let cut = chunks(&["q=s&"], End::Cut);
        assert_eq!(run(read_body(cut, LIMIT)), Err(BodyError::Cut));
        let statuses =
            [BodyError::TooLarge, BodyError::Cut, BodyError::Slow].map(BodyError::status);
        assert_eq!(statuses, [413, 400, 408]);
    }

    #[test]
    fn a_body_that_stops_coming_is_too_slow() {
        let limit = BodyLimit {
            time: Duration::ZERO,
            ..LIMIT
        };
        let stalled = chunks(&["q=s&"], End::Never);
        assert_eq!(run(read_body(stalled, limit)), Err(BodyError::Slow));
    }
}
