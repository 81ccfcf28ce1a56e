// Removed once the first real UI source lands.
namespace tideline { void uiPlaceholder() {} }
