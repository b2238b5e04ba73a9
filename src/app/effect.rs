//! What `update` asks of the event loop. `update` changes only the state it
//! holds; anything that touches the world (quitting, writing a file, opening
//! a port) comes back as an [`Effect`] for the loop to carry out.

/// One thing the loop must do after an action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Effect {
    #[default]
    None,
    /// `q`: leave the screen (the loop saves first, or asks where to).
    Quit,
    /// The save-as prompt was committed with this path.
    SaveAs(String),
    /// `R`: open the room (the overlay already shows).
    OpenRoom,
    /// `X` in a room overlay: close the room's port.
    StopRoom,
    /// `y` on the summary: copy the news post to the clipboard (OSC 52,
    /// written to the terminal) and save it beside the session.
    SharePost,
}
