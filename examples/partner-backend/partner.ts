import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { embedWidgetSnippet, HiLinkClient } from '../../sdk/src';

/** One scheduled lesson of the partner's product, mapped to HiLink. */
export interface PartnerLesson {
  sessionId: string;
  studentParticipantId: string;
  instructorParticipantId: string;
}

/**
 * Creates what one lesson needs in HiLink, the way a partner backend would when its user books
 * a lesson: a room, an instructor, a student, a curriculum, an enrollment and a session.
 */
export async function bookLesson(client: HiLinkClient, tag: string): Promise<PartnerLesson> {
  const room = await client.createRoom({ name: `Partner room ${tag}`, capacity: 4 });
  const instructor = await client.createMember({
    name: 'Partner Tutor',
    email: `tutor+${tag}@partner.example`,
    role: 'instructor',
  });
  const student = await client.createStudent({
    name: 'Partner Student',
    externalId: `student-${tag}`,
  });
  const curriculum = await client.createCurriculum({
    name: `Partner fractions ${tag}`,
    objectives: [{ code: 'FR.1', title: 'Compare fractions' }],
  });
  const enrollment = await client.createEnrollment({
    studentId: student.id,
    instructorId: instructor.id,
    curriculumId: curriculum.id,
    startDate: new Date().toISOString().slice(0, 10),
  });
  const start = Date.now() + 5 * 60_000;
  const session = await client.createSession({
    roomId: room.id,
    enrollmentIds: [enrollment.id],
    title: 'Comparing fractions',
    timeZone: 'UTC',
    scheduledStart: new Date(start).toISOString(),
    scheduledEnd: new Date(start + 45 * 60_000).toISOString(),
    phases: [
      { kind: 'warm_up', title: 'Warm-up', plannedMinutes: 5, tools: ['chat'] },
      {
        kind: 'practice',
        title: 'Practice',
        plannedMinutes: 30,
        objectiveCodes: ['FR.1'],
        tools: ['polls', 'whiteboard', 'chat'],
      },
    ],
  });
  const byRole = (role: string) =>
    session.participants.find((participant) => participant.role === role)!.id;

  return {
    sessionId: session.id,
    studentParticipantId: byRole('student'),
    instructorParticipantId: byRole('instructor'),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Starts the partner's web server on 127.0.0.1. `GET /lesson` joins the student to the session
 * for a fresh participant token per page view, never stored. It serves a page that embeds the
 * HiLink widget with that token. The HiLink API key stays on this server.
 */
export async function startPartnerServer(
  client: HiLinkClient,
  hilinkUrl: string,
  lesson: PartnerLesson,
  port = 0,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/lesson') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Open /lesson.');

      return;
    }
    client
      .joinSession({ sessionId: lesson.sessionId, participantId: lesson.studentParticipantId })
      .then((joined) => {
        const page = [
          '<!doctype html>',
          '<html lang="en"><head><meta charset="utf-8">',
          '<meta name="viewport" content="width=device-width, initial-scale=1">',
          `<title>${escapeHtml('Your lesson')}</title></head>`,
          '<body><h1>Your lesson</h1>',
          embedWidgetSnippet(hilinkUrl, joined.participantToken, { media: joined.media }),
          '</body></html>',
        ].join('\n');
        response
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
          })
          .end(page);
      })
      .catch((error: unknown) => {
        response
          .writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
          .end(
            `Joining the lesson failed: ${error instanceof Error ? error.message : String(error)}`,
          );
      });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;

  return { server, url: `http://127.0.0.1:${bound}/lesson` };
}
