import type { MessageForm } from '~/lib/server/cen/message-rules';

/** A message form with every field empty: tests fill in only what they are about. */
export const blankMessage: MessageForm = {
	kind: '',
	subject: '',
	recipientGroup: '',
	indicators: '',
	modusOperandi: '',
	routes: '',
	riskIndicators: '',
	requestedAction: '',
	inReplyTo: '',
	result: '',
	seizureId: '',
	basis: '',
	handling: 'restricted',
};

/** A complete early-warning message, with any field overridden. */
export const warningMessage = (over: Partial<MessageForm> = {}): MessageForm => ({
	...blankMessage,
	kind: 'warning',
	subject: 'Ketamine by air cargo from Dravania',
	recipientGroup: 'Practice CUG: regional drugs network',
	indicators: 'Air cargo declared as ceramics',
	modusOperandi: 'Mixed with legitimate cargo',
	routes: 'Dravania – Qasra – Kestrel Islands',
	riskIndicators: 'New consignees, cash payment',
	requestedAction: 'Profile and examine; send feedback',
	basis: 'Data lab: route counts by quarter, 2025',
	...over,
});
