//! What a key can do in the reader. Each action's name is the one `config.toml` binds keys to
//! (`[keys] quit = ["q", "ctrl-c"]`), and its description is what the help overlay shows.

macro_rules! actions {
    (
        bindable { $($(#[doc = $doc:literal])+ $variant:ident = $name:literal [$($key:literal),*];)* }
        internal { $($(#[doc = $idoc:literal])+ $ivariant:ident $(($($ty:ty),*))?;)* }
    ) => {
        /// Everything that changes the reader's state: what keys are bound to, and what the
        /// loop feeds in from the mouse, the terminal and the file system.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Action {
            $($(#[doc = $doc])+ $variant,)*
            $($(#[doc = $idoc])+ $ivariant $(($($ty),*))?,)*
        }

        impl Action {
            /// Every action a key can be bound to, in the order the help overlay lists them.
            pub const BINDABLE: &[Action] = &[$(Action::$variant,)*];

            /// The snake_case name used in `config.toml`; internal actions have none.
            pub fn name(&self) -> Option<&'static str> {
                match self { $(Action::$variant => Some($name),)* _ => None }
            }

            /// The keys bound to the action when the config does not say otherwise.
            pub fn default_keys(&self) -> &'static [&'static str] {
                match self { $(Action::$variant => &[$($key),*],)* _ => &[] }
            }

            /// One line saying what the action does.
            pub fn description(&self) -> &'static str {
                #[allow(unused_variables)]
                match self {
                    $(Action::$variant => concat!($($doc),+).trim_ascii(),)*
                    $(Action::$ivariant $(($(actions!(@ignore $ty)),*))? => concat!($($idoc),+).trim_ascii(),)*
                }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
    (@ignore $ty:ty) => { _ };
}

actions! {
    bindable {
    /// Quit the reader
    Quit = "quit" ["q", "ctrl-c"];
    /// Show or hide the list of keys
    Help = "help" ["?"];
    /// Close the overlay, search or detail; in a briefing, go back to the library
    Close = "close" ["esc"];
    /// Move the selection down
    Down = "down" ["j", "down"];
    /// Move the selection up
    Up = "up" ["k", "up"];
    /// Focus the pane to the left
    FocusLeft = "focus_left" ["h", "left"];
    /// Focus the pane to the right
    FocusRight = "focus_right" ["l", "right"];
    /// Focus the next pane
    NextPane = "next_pane" ["tab"];
    /// Focus the previous pane
    PrevPane = "prev_pane" ["backtab"];
    /// Jump to the first row
    Top = "top" ["g", "home"];
    /// Jump to the last row
    Bottom = "bottom" ["G", "end"];
    /// Move down half a page
    HalfPageDown = "half_page_down" ["ctrl-d"];
    /// Move up half a page
    HalfPageUp = "half_page_up" ["ctrl-u"];
    /// Move down a page
    PageDown = "page_down" ["pagedown"];
    /// Move up a page
    PageUp = "page_up" ["pageup"];
    /// Focus the Officials pane
    FocusOfficials = "focus_officials" ["1"];
    /// Focus the Commitments pane
    FocusCommitments = "focus_commitments" ["2"];
    /// Focus the Market reactions pane
    FocusReactions = "focus_reactions" ["3"];
    /// Focus the Key facts pane
    FocusFacts = "focus_facts" ["4"];
    /// Focus the Sources pane
    FocusSources = "focus_sources" ["5"];
    /// Focus the Timeline pane
    FocusTimeline = "focus_timeline" ["6"];
    /// Focus the detail pane of the selected item
    FocusDetail = "focus_detail" ["0"];
    /// Focus the briefing's summary and related briefings (in the library, its preview)
    FocusSummary = "focus_summary" ["s"];
    /// Show the focused pane alone at full size, or all panes again
    Zoom = "zoom" ["z"];
    /// Open the selected briefing, or follow the selected reference
    Follow = "follow" ["enter"];
    /// Go back to where the last jump came from
    Back = "back" ["backspace", "ctrl-o", "alt-left"];
    /// Go forward again after going back
    Forward = "forward" ["ctrl-f", "alt-right"];
    /// Show the previous briefing of the library
    PrevBriefing = "prev_briefing" ["["];
    /// Show the next briefing of the library
    NextBriefing = "next_briefing" ["]"];
    /// Open the selected source's URL in the browser ($BROWSER, or the system's)
    OpenUrl = "open_url" ["o"];
    /// Copy the selected item as text, with its citations, to the clipboard
    Copy = "copy" ["y"];
    /// Copy the selected source's URL to the clipboard
    CopyUrl = "copy_url" ["Y"];
    /// Read the cited passage in the saved copy of its source
    Passage = "passage" ["p"];
    /// Edit the briefing file at the selected item in $EDITOR
    Edit = "edit" ["e"];
    /// Show the files that failed to load and why
    Errors = "errors" ["E"];
    /// Search the whole library
    Search = "search" ["/"];
    /// Go to the next search hit (in a saved copy, the claim's next figure or name)
    NextHit = "next_hit" ["n"];
    /// Go to the previous search hit (in a saved copy, the previous figure or name)
    PrevHit = "prev_hit" ["N"];
    /// Export what is on screen (the briefing or the search results) to the export folder
    Export = "export" ["x"];
    /// Every commitment of the library: the commitment tracker
    Tracker = "tracker" ["C"];
    /// Every event of the library on one timeline
    Timeline = "timeline" ["T"];
    /// Filter a view across the library; in the library, show only what is new or changed since last read
    Filter = "filter" ["f"];
    /// Order the tracker by due date, status or briefing, in turn
    Sort = "sort" ["S"];
    /// Go to the commitment the selected one is traded for
    Traded = "traded_for" ["t"];
    /// The selected official across the library: every briefing that lists them
    Official = "official" ["O"];
    /// What to double-check: claims on one source, disagreements, sources leaned on
    Weak = "weak" ["W"];
    /// Mark the briefing read, or unread when it is read
    MarkRead = "mark_read" ["m"];
    /// Every market reaction of the library, each move drawn as a bar
    Reactions = "reactions" ["R"];
    }
    internal {
    /// A left click at a column and row of the screen
    Click(u16, u16);
    /// The mouse wheel turned down over a column and row
    ScrollDown(u16, u16);
    /// The mouse wheel turned up over a column and row
    ScrollUp(u16, u16);
    /// The terminal now has this many columns and rows
    Resize(u16, u16);
    /// A second passed: passing news in the status line goes after a few
    Tick;
    /// Briefing files changed on disk and should be read again
    FilesChanged(Vec<std::path::PathBuf>);
    /// Files were read again: the new parses, and the paths that are gone
    Reloaded(Vec<crate::load::ParsedFile>, Vec<std::path::PathBuf>);
    /// An effect finished; say so in the status line (error when the flag is set)
    Report(String, bool);
    /// A character typed into the search line
    Input(char);
    /// Text pasted (or typed ahead faster than it is searched) into the search line at once
    Paste(String);
    /// A movement or deletion in the search line (arrows, Home, End, readline's ctrl and alt keys)
    EditLine(crate::tui::line::Edit);
    /// Up (true) or down in the search line: an earlier or later query from the history
    Recall(bool);
    /// Tab in the search line: the keys go to the results
    ToResults;
    /// Saved copies changed on disk: what was checked against them is checked again
    CopiesChanged(Vec<std::path::PathBuf>);
    /// A saved copy was read for the passage view (or why it could not be)
    PassageRead(Box<crate::tui::passage::Request>, Result<String, String>);
    /// A briefing was checked against its saved copies, for the request numbered
    Verified(String, u64, Box<crate::archive::Verdict>);
    /// The hits of the search numbered
    Found(u64, Vec<crate::search::Hit>);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_snake_case() {
        for action in Action::BINDABLE {
            let name = action.name().expect("bindable actions have names");
            assert_eq!(Action::from_name(name).as_ref(), Some(action));
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{name}");
            assert!(!action.description().is_empty());
        }
        assert_eq!(Action::Quit.description(), "Quit the reader");
        assert_eq!(Action::Resize(1, 1).name(), None);
        assert_eq!(Action::Resize(1, 1).description(), "The terminal now has this many columns and rows");
    }
}
