// Anchor for the resources library; the data lives in the .qrc built next to it.
