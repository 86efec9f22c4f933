//! Takes over the terminal exactly as the reader does, draws, then panics: the pseudo-terminal
//! test checks that the terminal is given back and the panic message is readable after it.

fn main() {
    let mut terminal = brief::tui::terminal::init().expect("a terminal");
    terminal
        .draw(|frame| frame.render_widget(ratatui::widgets::Paragraph::new("drawing before the panic"), frame.area()))
        .expect("a frame");
    std::thread::sleep(std::time::Duration::from_millis(300));
    panic!("boom: a bug in the reader");
}
