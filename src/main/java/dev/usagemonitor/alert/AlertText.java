package dev.usagemonitor.alert;

/**
 * The words of an event.
 *
 * @param title short title
 * @param message one line a person can act on
 */
record AlertText(String title, String message) {

}
