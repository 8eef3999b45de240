/** GraphQL documents the widget sends, all allowed for a participant token of the session. */

export const SESSION_QUERY = `query WidgetSession {
  participantSession { id participantId role status title phases { id title kind status position } }
}`;

export const TOOLS_QUERY = `query WidgetTools($sessionId: ID!) {
  sessionTools(sessionId: $sessionId) { phaseId studentTools }
}`;

export const ACTIVITIES_QUERY = `query WidgetActivities($sessionId: ID!) {
  activities(sessionId: $sessionId) {
    id kind prompt questionType status closedAt options { id label }
  }
}`;

export const RESULTS_QUERY = `query WidgetResults($activityId: ID!) {
  activityResults(activityId: $activityId) {
    activityId respondents correctShare options { optionId label count correct }
    numeric { count mean median }
  }
}`;

export const MY_RESPONSE_QUERY = `query WidgetMyResponse($activityId: ID!) {
  myActivityResponse(activityId: $activityId) { answer { optionIds number text } }
}`;

export const SUBMIT_RESPONSE = `mutation WidgetRespond($activityId: ID!, $input: ActivityResponseInput!) {
  submitActivityResponse(activityId: $activityId, input: $input) { id }
}`;

export const BOARDS_QUERY = `query WidgetBoards($sessionId: ID!) {
  boards(sessionId: $sessionId) { id breakoutGroupId locked drawPolicy selectedParticipantIds }
}`;

export const SNAPSHOT_QUERY = `query WidgetSnapshot($boardId: ID!) {
  boardSnapshot(boardId: $boardId) { sequence elements { id kind properties deleted } }
}`;

export const SUBMIT_BOARD = `mutation WidgetDraw($boardId: ID!, $input: SubmitBoardOperationsInput!) {
  submitBoardOperations(boardId: $boardId, input: $input) { __typename }
}`;

export const RECORD_EVENT = `mutation WidgetEvent($sessionId: ID!, $input: EngagementEventInput!) {
  recordEngagementEvent(sessionId: $sessionId, input: $input) { accepted }
}`;

export const CHAT_QUERY = `query WidgetChat($sessionId: ID!) {
  chatMessages(sessionId: $sessionId, last: 50) { id participantId senderName senderRole body sentAt }
}`;

export const SEND_CHAT = `mutation WidgetSendChat($sessionId: ID!, $input: SendChatMessageInput!) {
  sendChatMessage(sessionId: $sessionId, input: $input) { id }
}`;

export const BREAKOUTS_QUERY = `query WidgetBreakouts($sessionId: ID!) {
  breakoutGroups(sessionId: $sessionId) { id name status instructions closesAt participantIds }
}`;

export const ISSUE_MEDIA_TOKEN = `mutation WidgetMedia($sessionId: ID!) {
  issueMediaToken(sessionId: $sessionId) { available reason url token }
}`;

export const PHASE_CHANGED = `subscription WidgetPhase($sessionId: ID!) {
  sessionPhaseChanged(sessionId: $sessionId) { id }
}`;

export const STATUS_CHANGED = `subscription WidgetStatus($sessionId: ID!) {
  sessionStatusChanged(sessionId: $sessionId) { status }
}`;

export const ACTIVITY_CHANGED = `subscription WidgetActivity($sessionId: ID!) {
  activityChanged(sessionId: $sessionId) { action activityId }
}`;

export const BOARD_OPERATION_ADDED = `subscription WidgetBoard($sessionId: ID!, $boardId: ID) {
  boardOperationAdded(sessionId: $sessionId, boardId: $boardId) {
    boardId sequence type elements { id kind properties deleted }
  }
}`;

export const CHAT_POSTED = `subscription WidgetChatPosted($sessionId: ID!) {
  chatMessagePosted(sessionId: $sessionId) { id participantId senderName senderRole body sentAt }
}`;

export const BREAKOUT_MESSAGE_POSTED = `subscription WidgetBreakoutMessage($sessionId: ID!) {
  breakoutMessagePosted(sessionId: $sessionId) { id }
}`;

export const BREAKOUT_STATUS_CHANGED = `subscription WidgetBreakoutStatus($sessionId: ID!) {
  breakoutStatusChanged(sessionId: $sessionId) { readAt }
}`;
