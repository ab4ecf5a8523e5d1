// Fixed texts for seed tickets: each topic has words worth searching for.
export interface Topic {
  subject: string;
  inbound: string;
  reply: string;
  note: string;
  followUp: string;
}

export const TOPICS: Topic[] = [
  {
    subject: 'Cannot reset my password',
    inbound: 'I clicked the reset link but the password page shows an error.',
    reply: 'Sorry about that! I sent you a fresh reset link, it is valid for one hour.',
    note: 'Reset tokens expire too fast for users behind slow mail gateways.',
    followUp: 'The new link worked, thanks.',
  },
  {
    subject: 'Invoice shows the wrong amount',
    inbound: 'Our invoice for March lists 12 seats but we only have 10 seats.',
    reply: 'You are right, I corrected the invoice and credited the difference.',
    note: 'Seat count sync with the billing provider lagged by a day.',
    followUp: 'Got the corrected invoice.',
  },
  {
    subject: 'Refund request for a duplicate payment',
    inbound: 'My card was charged twice this month, please refund one payment.',
    reply: 'The duplicate charge has been refunded; it shows up within five days.',
    note: 'Payment provider retried after a timeout: known issue.',
    followUp: 'I can see the refund now.',
  },
  {
    subject: 'Where is my shipment?',
    inbound: 'The tracking number has not updated for a week.',
    reply: 'The carrier confirmed the parcel is in transit; new tracking below.',
    note: 'Carrier API outage last week, tracking updates were delayed.',
    followUp: 'Package arrived today.',
  },
  {
    subject: 'Two-factor login fails',
    inbound: 'The authenticator code is always rejected when I try to log in.',
    reply: 'Please check that the clock of your phone is set automatically.',
    note: 'Clock drift on the device; nothing wrong on our side.',
    followUp: 'Fixed the phone clock and I can log in again.',
  },
  {
    subject: 'CSV export is empty',
    inbound: 'Exporting my contacts gives an empty spreadsheet file.',
    reply: 'The export now runs in the background; you will get an email with the file.',
    note: 'Large exports timed out before the fix in the queue worker.',
    followUp: 'Received the export, all rows are there.',
  },
  {
    subject: 'Feature idea: dark mode',
    inbound: 'Would love a dark theme for the agent inbox, my eyes hurt at night.',
    reply: 'Thanks for the idea! Dark mode is on our roadmap.',
    note: 'Added a vote to the dark mode feature request.',
    followUp: 'Great, looking forward to it.',
  },
  {
    subject: 'Cancel my subscription',
    inbound: 'We are moving to another tool, please cancel our subscription.',
    reply: 'Your subscription is cancelled at the end of the billing period.',
    note: 'Churn reason: price. Offer a discount next time.',
    followUp: 'Thank you for the quick help.',
  },
  {
    subject: 'Chat widget does not load',
    inbound: 'The support bubble never appears on Safari for our visitors.',
    reply: 'Safari blocked the widget script; please update the embed snippet.',
    note: 'Old embed snippet without the async attribute.',
    followUp: 'The widget shows up again.',
  },
  {
    subject: 'Webhook returns a server error',
    inbound: 'Our webhook endpoint gets HTTP 500 responses from your integration.',
    reply: 'We found a malformed payload on our side and deployed a fix.',
    note: 'Unicode in the subject broke the payload encoder.',
    followUp: 'No more errors since yesterday.',
  },
  {
    subject: 'Überweisung fehlgeschlagen',
    inbound: 'Die Zahlung per Überweisung wurde abgelehnt, bitte prüfen.',
    reply: 'Die Überweisung ist jetzt verbucht, danke für die Geduld.',
    note: 'SEPA reference was missing the invoice number.',
    followUp: 'Danke, alles erledigt.',
  },
  {
    subject: 'Question about pricing for nonprofits',
    inbound: 'Do you offer a discount for nonprofits or charities?',
    reply: 'Yes, nonprofits get 50% off; I applied the discount to your account.',
    note: 'Verified the charity registration number.',
    followUp: 'Wonderful, thank you!',
  },
];
