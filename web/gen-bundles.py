#!/usr/bin/env python3
"""Writes the Qute message bundle interfaces (one method per key) from the keys of their Bahasa Indonesia
properties file: `python3 web/gen-bundles.py` after adding or removing a key. Quarkus fails the build when a file
and its interface disagree. One bundle per set of pages: past about 300 keys Quarkus 3.32 splits a bundle's
generated resolver and the JVM refuses the split at startup (VerifyError), so a new set of pages gets its own."""
import pathlib
import re

root = pathlib.Path(__file__).parent
BUNDLES = {
    # file name: (interface, what it holds)
    'msg': ('Msg', 'The website\'s texts'),
    'kantor': ('Kantor', 'The texts of the office desk ({@code /kantor}) and the admin console ({@code /admin})'),
    'desk': ('DeskMsg', 'The office desk\'s own flows (issue 19): the QR scanner, walk-in registration ({@code /kantor/walk-in})'
                        ' and the collective service ({@code /kantor/collective})'),
    'wr': ('WaitingRoomMsg', 'The waiting room\'s texts (issue 17)'),
    'rights': ('RightsMsg', 'The pages of the data subject\'s rights (issue 23): {@code /account/data}, erasure and export'),
    'info': ('Info', 'The public information pages\' texts: the document advisor ({@code /requirements}) and the'
                     ' offices\' hours and services'),
    'notify': ('NotifyMsg', 'How the applicant is told (issue 22): the notification preferences and the proof of the mobile'
                            ' number ({@code /account/notifications})'),
    'help': ('HelpMsg', 'The helpdesk, the application\'s mails and texts, corrections after submission and refunds'
                        ' (issue 22): the applicant\'s pages, the office\'s queue ({@code /kantor/tickets}) and'
                        ' finance\'s refunds ({@code /admin/refunds})'),
    'privacy': ('PrivacyMsg', 'The privacy notice ({@code /privasi}), its acceptance, the registration\'s consent and the'
                              ' applicant form\'s declaration of authority (issue 23)'),
}

for name, (interface, what) in BUNDLES.items():
    props = root / f'src/main/resources/messages/{name}.properties'
    keys = [l.split('=', 1)[0].strip() for l in props.read_text().splitlines()
            if '=' in l and not l.lstrip().startswith('#')]
    bad = [k for k in keys if not re.fullmatch(r'[A-Za-z][A-Za-z0-9_]*', k)]
    if bad:
        raise SystemExit(f'{props}: a key must be a Java identifier: {bad}')
    methods = '\n'.join(f'    @Message\n    String {k}();\n' for k in keys)
    (root / f'src/main/java/id/go/imigrasi/mpaspor/web/{interface}.java').write_text(f'''package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * {what}: {{@code messages/{name}.properties}} (Bahasa Indonesia, the default) and
 * {{@code messages/{name}_en.properties}}; templates read them as {{@code {{{name}:key}}}}. One method per key, written by
 * {{@code web/gen-bundles.py}} from {name}.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "{name}", locale = "id")
public interface {interface} {{

{methods}}}
''')
