/**
 * Ticket deadlines: which days are working days in China ({@link
 * org.hotline.server.ticket.deadline.WorkingCalendar}), which time limit applies to a ticket
 * ({@link org.hotline.server.ticket.deadline.DeadlinePolicy}) and when it falls due ({@link
 * org.hotline.server.ticket.deadline.DeadlineCalculator}).
 *
 * <p>Counting follows Chinese administrative practice: a period of N days starts on the day after
 * receipt, and the ticket is due at the end of the N-th day (its last millisecond in the policy
 * zone). Calendar-day periods are not extended when they end on a weekend or holiday.
 */
package org.hotline.server.ticket.deadline;
