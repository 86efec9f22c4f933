//! A backend that sends fewer bytes for the same screen: where a frame changes cells on both
//! sides of a short run of unchanged ones, the run is written again instead of the cursor being
//! moved past it. A new briefing put on the screen changes most cells, but a tenth of them
//! happen to be what was there already; ratatui's diff skips each such run with a cursor move
//! of about eight bytes, where writing a run of one to four characters costs one to four. The
//! screen that results is the same: the run is written as it already is.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthStr;

/// The longest run of unchanged cells written rather than skipped: a cursor move to a column
/// and row of two digits each is eight bytes.
const RUN: u16 = 6;

pub struct Filling<B> {
    inner: B,
    /// What the screen shows, as far as this backend has drawn it; None while that is not
    /// known (part of the screen cleared), until the next full clear.
    shown: Option<Buffer>,
    /// The terminal, kept open to ask its size: ratatui asks before every frame, and
    /// crossterm opens `/dev/tty` anew for each answer (a tenth of a keystroke's time).
    tty: Option<std::fs::File>,
}

impl<B: Backend> Filling<B> {
    pub fn new(inner: B) -> Filling<B> {
        // The screen starts blank, as ratatui itself assumes.
        let shown = inner.size().ok().map(blank);
        Filling { inner, shown, tty: None }
    }

    /// Over the real terminal: its size is asked of `/dev/tty`, opened once, as crossterm
    /// would ask it (standard output when there is no `/dev/tty`).
    pub fn on_terminal(inner: B) -> Filling<B> {
        Filling { tty: std::fs::File::open("/dev/tty").ok(), ..Filling::new(inner) }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }
}

/// A blank screen of a size.
fn blank(size: Size) -> Buffer {
    Buffer::empty(Rect::new(0, 0, size.width, size.height))
}

/// Whether a cell already on screen can be written again as it is, in the style just written:
/// one plain character of one column.
fn rewritable(cell: &Cell, style_of: &Cell) -> bool {
    let symbol = cell.symbol();
    symbol.len() == 1 && symbol.bytes().all(|b| b.is_ascii_graphic() || b == b' ') && cell.style() == style_of.style()
}

impl<B: Backend> Backend for Filling<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, cell) in content {
            if let (Some(shown), Some((px, py, last))) = (&self.shown, out.last())
                && *py == y
            {
                let from = px + (last.symbol().width() as u16).max(1);
                let run: Option<Vec<Cell>> = (from < x && x - from <= RUN)
                    .then(|| (from..x).map(|gx| shown.cell((gx, y)).filter(|c| rewritable(c, last)).cloned()).collect())
                    .flatten();
                for (gx, c) in (from..x).zip(run.into_iter().flatten()) {
                    out.push((gx, y, c));
                }
            }
            out.push((x, y, cell.clone()));
        }
        if let Some(shown) = &mut self.shown {
            for (x, y, cell) in &out {
                match shown.cell_mut((*x, *y)) {
                    Some(c) => *c = cell.clone(),
                    None => {
                        self.shown = None;
                        break;
                    }
                }
            }
        }
        self.inner.draw(out.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.shown = None;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        self.shown = match clear_type {
            ClearType::All => self.size().ok().map(blank),
            _ => None,
        };
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        if let Some(tty) = &self.tty
            && let Ok(size) = rustix::termios::tcgetwinsize(tty)
            && size.ws_col > 0
            && size.ws_row > 0
        {
            return Ok(Size::new(size.ws_col, size.ws_row));
        }
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Style};
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Paragraph;

    use super::*;

    /// Frames of text that differs here and there, in two colours, with wide characters.
    fn frame(n: usize) -> Vec<Line<'static>> {
        (0..12)
            .map(|row| {
                let words = ["alpha", "beta", "gamma", "何立峰", "delta", "x", "epsilon"];
                let spans: Vec<Span> = (0..8)
                    .map(|k| {
                        let word = words[(row * 3 + k * 5 + n * 7) % words.len()];
                        let style = if (row + k + n).is_multiple_of(3) { Style::new().fg(Color::Yellow) } else { Style::new() };
                        Span::styled(format!("{word} "), style)
                    })
                    .collect();
                Line::from(spans)
            })
            .collect()
    }

    #[test]
    fn the_screen_is_the_same_as_without_it_frame_after_frame() {
        let mut plain = Terminal::new(TestBackend::new(50, 12)).unwrap();
        let mut filling = Terminal::new(Filling::new(TestBackend::new(50, 12))).unwrap();
        for n in 0..40 {
            let lines = frame(n);
            plain.draw(|f| f.render_widget(Paragraph::new(lines.clone()), f.area())).unwrap();
            filling.draw(|f| f.render_widget(Paragraph::new(lines.clone()), f.area())).unwrap();
            assert_eq!(plain.backend().buffer(), filling.backend().inner().buffer(), "frame {n}");
            if n == 20 {
                plain.backend_mut().resize(40, 10);
                plain.resize(Rect::new(0, 0, 40, 10)).unwrap();
                filling.backend_mut().inner.resize(40, 10);
                filling.resize(Rect::new(0, 0, 40, 10)).unwrap();
            }
        }
    }

    /// Bytes written, kept where the test can read them.
    #[derive(Clone, Default)]
    struct Sent(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Sent {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn fewer_bytes_reach_the_terminal_for_the_same_screen() {
        use ratatui::backend::CrosstermBackend;
        let size = Rect::new(0, 0, 50, 12);
        let (a, b) = (Sent::default(), Sent::default());
        let mut plain =
            Terminal::with_options(CrosstermBackend::new(a.clone()), ratatui::TerminalOptions { viewport: ratatui::Viewport::Fixed(size) })
                .unwrap();
        // No terminal here to ask its size: the screen is known blank, as ratatui takes it.
        let blank = Filling { inner: CrosstermBackend::new(b.clone()), shown: Some(Buffer::empty(size)), tty: None };
        let mut filling = Terminal::with_options(blank, ratatui::TerminalOptions { viewport: ratatui::Viewport::Fixed(size) }).unwrap();
        for n in 0..10 {
            let lines = frame(n);
            plain.draw(|f| f.render_widget(Paragraph::new(lines.clone()), f.area())).unwrap();
            filling.draw(|f| f.render_widget(Paragraph::new(lines.clone()), f.area())).unwrap();
        }
        let (a, b) = (a.0.borrow().clone(), b.0.borrow().clone());
        assert!(b.len() < a.len(), "{} bytes with it, {} without", b.len(), a.len());
        let shown = |bytes: &[u8]| {
            let mut parser = vt100::Parser::new(12, 50, 0);
            parser.process(bytes);
            parser.screen().contents()
        };
        assert_eq!(shown(&b), shown(&a), "the same screen");
    }
}
