// Issue 12's journeys: a site coordinator opens, from nothing in the browser, a course set in
// Costa Rica (its time zone and locale, 3 modules, 2 sessions, 2 assessments, a coordinator); the
// coordinator signs in with the password shown once and finds the setup checklist, dates and
// numbers written as in Costa Rica. A second journey clones the demo into a 2024 edition.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, artifactPath, signInAs } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ users: [{ email: 'sitio@example.org', name: 'Sitio', role: 'coordinator' }] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);
const desktop = { viewport: { width: 1280, height: 900 } };

async function signIn(page, email, password = server.accounts[email]) {
  await signInAs(page, server, email, password);
}

let password;

test('the site coordinator opens a course in Costa Rica from nothing; a bad date is named at its field and nothing is written', async () => {
  await withPage('setup-create', desktop, async (page) => {
    await signIn(page, 'sitio@example.org');
    await page.getByRole('link', { name: 'Nuevo programa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuevo programa' }).waitFor();
    await page.getByLabel('Código *').fill('GIF-CR-2025');
    await page.getByLabel('Modalidad').selectOption({ label: 'Mixta' });
    await page.getByLabel('Título en español *', { exact: true }).fill('Diplomado en Gestión de Fronteras');
    await page.getByLabel('Título en inglés *', { exact: true }).fill('Diploma course on Border Management');
    await page.getByLabel('País *').selectOption('CR');
    // Costa Rica's one zone and its Spanish are chosen with the country.
    assert.equal(await page.getByLabel('Zona horaria *').inputValue(), 'America/Costa_Rica');
    assert.equal(await page.getByLabel('Formato de números y fechas').inputValue(), 'es-CR');
    await page.getByLabel('Fecha de inicio').fill('2025-06-30');
    await page.getByLabel('Fecha de fin').fill('2025-03-03');
    await page.getByRole('group', { name: 'Organizaciones' }).getByLabel('Nombre en español').fill('OIM Costa Rica');
    await page.getByRole('group', { name: 'Organizaciones' }).getByLabel('Nombre en inglés').fill('IOM Costa Rica');
    await page.getByRole('button', { name: 'Añadir un financiador' }).click();
    await page.getByRole('group', { name: 'Organizaciones' }).getByLabel('Nombre en español').nth(1).fill('Canadá (IRCC)');
    await page.getByRole('group', { name: 'Organizaciones' }).getByLabel('Nombre en inglés').nth(1).fill('Canada (IRCC)');
    for (const sdg of [10, 16, 17]) await page.getByLabel(`ODS ${sdg}`, { exact: true }).check();
    const modules = [['Derechos humanos', 'Human rights', '20'], ['Gestión de fronteras', 'Border management', '12.5'], ['Estadística migratoria', 'Migration statistics', '8']];
    for (const [index, [es, en, hours]] of modules.entries()) {
      if (index > 0) await page.getByRole('button', { name: 'Añadir un módulo' }).click();
      await page.getByLabel(`Módulo ${index + 1}: título en español *`).fill(es);
      await page.getByLabel(`Módulo ${index + 1}: título en inglés *`).fill(en);
      await page.getByLabel(`Módulo ${index + 1}: horas`).fill(hours);
    }
    await page.getByLabel('Correo electrónico').fill('marta.solis@example.cr');
    await page.getByLabel('Nombre (solo si no tiene cuenta)').fill('Marta Solís');
    await page.screenshot({ path: artifactPath('setup-new-desktop-es.png'), fullPage: true });

    await page.getByRole('button', { name: 'Crear el programa' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hay datos no válidos' }).waitFor();
    assert.equal(await page.getByLabel('Fecha de fin').getAttribute('aria-invalid'), 'true');
    await page.getByText('La fecha de fin es anterior a la de inicio.').waitFor();
    assert.deepEqual(await axeViolations(page), []);

    await page.getByLabel('Fecha de inicio').fill('2025-03-03');
    await page.getByLabel('Fecha de fin').fill('2025-06-30');
    await page.getByRole('button', { name: 'Crear el programa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programa GIF-CR-2025 creado' }).waitFor();
    password = (await page.locator('code').innerText()).trim();
    assert.ok(password.length >= 12);
    await page.getByRole('link', { name: 'Ir al programa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Diplomado en Gestión de Fronteras' }).waitFor();

    // Two sessions and two assessments, in the pages that already hold them.
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Sesiones' }).click();
    // The dashboard's "Módulos" section is still on screen until the sessions page has loaded:
    // the form's own control, by role, is what the story fills.
    for (const [module, es, en, date] of [['1', 'Apertura', 'Opening', '2025-03-03'], ['2', 'Control fronterizo', 'Border control', '2025-03-10']]) {
      await page.getByRole('combobox', { name: 'Módulo' }).selectOption(module);
      await page.getByLabel('Tema en español *').fill(es);
      await page.getByLabel('Tema en inglés *').fill(en);
      await page.getByLabel('Fecha *').fill(date);
      await page.getByRole('button', { name: 'Agregar', exact: true }).click();
      await page.getByRole('heading', { name: date === '2025-03-03' ? 'lunes, 3 de marzo de 2025' : 'lunes, 10 de marzo de 2025' }).waitFor();
    }
    await page.getByText('America/Costa_Rica').first().waitFor();
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Evaluaciones' }).click();
    for (const [code, module] of [['M1-Q', '1'], ['M2-Q', '2']]) {
      await page.getByLabel('Código *').fill(code);
      await page.getByRole('combobox', { name: 'Módulo' }).selectOption(module);
      await page.getByLabel('Título en español *').fill(`Cuestionario ${module}`);
      await page.getByLabel('Título en inglés *').fill(`Quiz ${module}`);
      await page.getByLabel('Puntaje máximo *').fill('100');
      await page.getByRole('button', { name: 'Agregar la evaluación' }).click();
      await page.getByText(`Evaluación ${code} agregada.`).waitFor();
    }
  });
});

test('the coordinator signs in with the password shown once and sees what is left, in Costa Rica\'s formats', async () => {
  assert.ok(password, 'the first journey created the account');
  await withPage('setup-coordinator', desktop, async (page) => {
    await signIn(page, 'marta.solis@example.cr', password);
    await page.getByRole('link', { name: /Diplomado en Gestión de Fronteras/ }).click();
    const checklist = page.getByRole('region', { name: 'Preparación del programa' });
    await checklist.waitFor();
    const items = await checklist.getByRole('listitem').allInnerTexts();
    assert.deepEqual(items.map((item) => item.replace(/\s+/g, ' ').trim()), [
      '✓ Módulos — hecho (3)', '✓ Sesiones — hecho (2)', '✓ Evaluaciones y política de notas — hecho (2)', '○ Participantes — pendiente',
      '○ Equipos — pendiente', '○ Rúbrica de proyectos — pendiente', '○ Jurado — pendiente', '✓ Coordinación — hecho (1)',
      '○ Firmantes de los certificados — pendiente: sin firmantes no se pueden emitir certificados',
    ]);
    // Numbers with Costa Rica's decimal comma, dates in its order.
    await page.getByText('12,5 h').waitFor();
    await page.getByText('3 de marzo de 2025').first().waitFor();
    await page.screenshot({ path: artifactPath('setup-dashboard-desktop-es.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    await checklist.getByRole('link', { name: 'Participantes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Participantes' }).waitFor();

    // Ten officials from a spreadsheet: the region column is headed "Provincia" (Costa Rica's
    // provinces come from iso-codes) and their two institutions are new, created from the preview.
    const officials = [
      ['Ana', 'Mora Solano', 'F', 'DGME', 'Nacional', 'San José'], ['Luis', 'Quesada Rojas', 'M', 'DGME', 'Nacional', 'San José'],
      ['María', 'Vargas Jiménez', 'F', 'Ministerio de Seguridad Pública', 'Local', 'Alajuela'], ['José', 'Araya Mora', 'M', 'DGME', 'Local', 'Alajuela'],
      ['Sofía', 'Campos Díaz', 'F', 'Ministerio de Seguridad Pública', 'Nacional', 'Cartago'], ['Carlos', 'Brenes Ulate', 'M', 'DGME', 'Nacional', 'Heredia'],
      ['Laura', 'Chaves Alfaro', 'F', 'DGME', 'Local', 'Guanacaste'], ['Diego', 'Solís Castro', 'M', 'Ministerio de Seguridad Pública', 'Local', 'Puntarenas'],
      ['Paula', 'Méndez Arias', 'F', 'DGME', 'Nacional', 'Limón'], ['Andrés', 'Rojas Vega', 'M', 'Ministerio de Seguridad Pública', 'Nacional', 'San José'],
    ];
    const csv = ['Nombres,Apellidos,Sexo,Institución,Nivel,Provincia,Correo electrónico',
      ...officials.map(([given, family, sex, institution, level, province], index) =>
        `${given},${family},${sex},${institution},${level},${province},funcionario${index + 1}@example.cr`)].join('\r\n') + '\r\n';
    await page.getByRole('link', { name: 'Importar desde hoja de cálculo' }).click();
    await page.getByLabel('Archivo CSV o XLSX').setInputFiles({ name: 'nominaciones.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: /Subir/ }).click();
    await page.getByRole('checkbox', { name: /Crear las 2 instituciones que faltan/ }).check();
    const preview = page.getByRole('region', { name: 'Vista previa' });
    await preview.getByText('Nuevas: 10 · actualizadas: 0 · sin cambios: 0 · inscripciones nuevas: 10 · errores: 0').waitFor();
    await page.screenshot({ path: artifactPath('setup-import-desktop-es.png'), fullPage: true });
    await preview.getByRole('button', { name: 'Confirmar la importación de 10 filas' }).click();
    await page.getByRole('heading', { name: 'Importación confirmada' }).waitFor();

    // Teams: two regional teams, then the formation's proposal applied.
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Equipos' }).click();
    for (const region of ['San José', 'Alajuela']) {
      await page.getByLabel('Nombre del equipo nuevo').fill(`Equipo ${region}`);
      await page.getByRole('combobox', { name: 'Región' }).selectOption({ label: region });
      await page.getByRole('button', { name: 'Agregar equipo' }).click();
      await page.getByRole('status').filter({ hasText: `Equipo agregado: Equipo ${region}.` }).waitFor();
    }
    await page.getByRole('button', { name: 'Proponer equipos' }).click();
    await page.getByRole('button', { name: 'Aplicar esta propuesta' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Aplicar esta propuesta' }).click();
    await page.getByRole('status').filter({ hasText: /Propuesta aplicada/ }).waitFor();
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Panel' }).click();
    await page.getByRole('region', { name: 'Preparación del programa' }).getByText('Participantes').waitFor();
    const after = await page.getByRole('region', { name: 'Preparación del programa' }).getByRole('listitem').allInnerTexts();
    assert.ok(after.some((item) => /✓ Participantes — hecho \(10\)/.test(item.replace(/\s+/g, ' '))), after.join(' | '));
    assert.ok(after.some((item) => /✓ Equipos — hecho \(2\)/.test(item.replace(/\s+/g, ' '))), after.join(' | '));

    // The settings: open the course; the status shows it.
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Ajustes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ajustes del programa' }).waitFor();
    await page.screenshot({ path: artifactPath('setup-settings-desktop-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'Abrir el programa' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Abrir el programa' }).click();
    await page.getByText('El programa está abierto.').waitFor();
    await page.getByRole('heading', { name: /Estado: Activo/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Nuevo programa' }).count(), 0, 'only the site coordinator opens programmes');
  });
});

test('the new-programme form and settings read well on a phone, in English too', async () => {
  await withPage('setup-phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async (page) => {
    await signIn(page, 'sitio@example.org');
    await page.goto(`${server.base}/programmes/new`);
    await page.getByRole('heading', { level: 1, name: 'Nuevo programa' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the form is ${overflow}px wider than the phone`);
    await page.screenshot({ path: artifactPath('setup-new-phone-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'New programme' }).waitFor();
    await page.getByLabel('Country *').selectOption('BZ');
    assert.equal(await page.getByLabel('Time zone *').inputValue(), 'America/Belize');
    await page.screenshot({ path: artifactPath('setup-new-phone-en.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('the site coordinator clones the demo into a 2024 edition: a draft with its sessions moved, and no people', async () => {
  await withPage('setup-clone', desktop, async (page) => {
    await signIn(page, 'sitio@example.org');
    await page.getByRole('link', { name: /Diplomado en Gestión Integral/ }).click();
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Ajustes' }).click();
    await page.getByLabel('Código de la nueva edición').fill('IBM-HR-PA-2023');
    await page.getByLabel('Fecha de inicio de la nueva edición').fill('2024-05-13');
    await page.getByRole('button', { name: 'Crear la nueva edición' }).click();
    await page.getByText('Ya existe un programa con este código.').first().waitFor();
    await page.getByLabel('Código de la nueva edición').fill('IBM-HR-PA-2024');
    await page.getByRole('button', { name: 'Crear la nueva edición' }).click();
    await page.getByRole('heading', { name: /Estado: Borrador/ }).waitFor();
    assert.equal(await page.getByLabel('Código *').inputValue(), 'IBM-HR-PA-2024');
    assert.equal(await page.getByLabel('Fecha de fin').inputValue(), '2024-10-09');
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Sesiones' }).click();
    await page.getByRole('heading', { name: /de 2024$/ }).first().waitFor();
    assert.equal(await page.getByRole('heading', { name: /de 2023$/ }).count(), 0);
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Participantes' }).click();
    await page.getByText('Todavía no hay participantes').or(page.getByText('0 participantes')).first().waitFor();
  });
});
