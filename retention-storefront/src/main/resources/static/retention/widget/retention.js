/*! Retention Kit storefront widgets. No dependencies. Data is only ever set as text, never parsed as markup. */
(() => {
  'use strict';
  const D = typeof document === 'object' ? document : null;
  const W = typeof window === 'object' ? window : {};
  const SCRIPT = D && D.currentScript;
  const cfg = (k, el) => (el && el.dataset && el.dataset[k]) || (SCRIPT && SCRIPT.dataset[k]) || '';

  /* Texts. Plural entries are objects keyed by Intl.PluralRules categories; {n} is the formatted number. */
  const M = {
    en: {
      loading: 'Loading\u2026', error: 'We could not load this right now.', retry: 'Try again',
      t_panel: 'Your rewards', t_tier: 'Your tier', t_rewards: 'Rewards you can redeem', t_redeem: 'Use your points',
      t_history: 'Points history', t_referral: 'Give a friend a treat', t_product: 'Customers also bought',
      t_cart: 'Frequently bought together', t_home: 'Recommended for you', t_account: 'Recommended for you',
      t_nps: 'Tell us how we did', t_prefs: 'E-mail preferences', t_join: 'Join our rewards programme',
      pts: {one: '{n} point', other: '{n} points'},
      balance: 'Available', pending: 'Pending', worth: 'Worth', member: '{tier} member',
      toNext: '{x} more to reach {tier}', top: 'You have reached our top tier.',
      expiring: '{x} expire on {date}.', noRewards: 'No rewards yet. Keep earning!', redeem: 'Redeem',
      needMore: '{x} more needed', noHistory: 'No points activity yet.', more: 'Show more',
      EARN: 'Earned', EARN_PENDING: 'Earned (pending)', CONFIRMED: 'Confirmed', REDEEM_RESERVE: 'Held at checkout',
      REDEEM_COMMIT: 'Redeemed', REDEEM_RELEASE: 'Released', REDEEM_RETURN: 'Returned', CLAWBACK: 'Reversed',
      DEBT: 'Owed', EXPIRE: 'Expired', ADJUST: 'Adjustment', REFERRAL_BONUS: 'Referral bonus', IMPORT: 'Imported',
      have: 'You have {x}.', reward: 'Reward', usePts: 'Points to use', apply: 'Apply', remove: 'Remove',
      applied: '{x} applied: {d}.', removed: 'Points removed from this order.', noReward: 'Pay with points',
      dOff: '{v} off', dShip: 'free shipping', dProduct: 'a free product', dCredit: '{v} store credit',
      'f_*': 'All marketing e-mails', f_welcome: 'Welcome series', 'f_abandoned-cart': 'Items left in your cart',
      'f_browse-abandonment': 'Products you looked at', 'f_order-thank-you': 'Order thank-you',
      'f_review-request': 'Review requests', 'f_win-back': 'We-miss-you offers', f_replenishment: 'Restock reminders',
      'f_back-in-stock': 'Back in stock', 'f_new-arrivals': 'New arrivals', f_birthday: 'Birthday treats',
      'f_referral-invitation': 'Refer-a-friend invitations',
      link: 'Your referral link', copy: 'Copy link', copied: 'Link copied.', share: 'Share:', email: 'E-mail',
      friends: {one: '{n} friend referred', other: '{n} friends referred'}, earned: 'You earned {x}.',
      shareText: 'Here is a treat for your first order:', inStock: 'In stock', outStock: 'Out of stock',
      add: 'Add to cart', noReco: 'Nothing to suggest right now.',
      nps: 'How likely are you to recommend us to a friend?', low: '0 = Not at all likely', high: '10 = Extremely likely',
      comment: 'Anything you would like to tell us? (optional)', send: 'Send', thanks: 'Thank you for your feedback!',
      expired: 'This survey link has expired.', pick: 'Please choose a score from 0 to 10.',
      message: 'Message', save: 'Save preferences', saved: 'Preferences saved.', unsubAll: 'Unsubscribe from all',
      earnCart: 'Join and earn {x} on this order.', earnAny: 'Join to earn points on every order.',
      earnMember: 'This order earns you {x}.', join: 'Join now', signIn: 'Sign in', close: 'Close',
      joinShort: 'Join & earn'
    },
    'pt-BR': {
      loading: 'Carregando\u2026', error: 'N\u00e3o foi poss\u00edvel carregar agora.', retry: 'Tentar de novo',
      t_panel: 'Suas recompensas', t_tier: 'Seu n\u00edvel', t_rewards: 'Recompensas para resgatar',
      t_redeem: 'Use seus pontos', t_history: 'Hist\u00f3rico de pontos', t_referral: 'Presenteie um amigo',
      t_product: 'Quem comprou este produto tamb\u00e9m comprou', t_cart: 'Frequentemente comprados juntos',
      t_home: 'Recomendados para voc\u00ea', t_account: 'Recomendados para voc\u00ea',
      t_nps: 'Conte como foi sua experi\u00eancia', t_prefs: 'Prefer\u00eancias de e-mail',
      t_join: 'Participe do nosso programa de recompensas',
      pts: {one: '{n} ponto', other: '{n} pontos'},
      balance: 'Dispon\u00edveis', pending: 'Pendentes', worth: 'Valem', member: 'Membro {tier}',
      toNext: 'Faltam {x} para o n\u00edvel {tier}', top: 'Voc\u00ea chegou ao nosso n\u00edvel mais alto.',
      expiring: '{x} expiram em {date}.', noRewards: 'Ainda n\u00e3o h\u00e1 recompensas. Continue acumulando!',
      redeem: 'Resgatar', needMore: 'Faltam {x}', noHistory: 'Nenhuma movimenta\u00e7\u00e3o de pontos ainda.',
      more: 'Mostrar mais', EARN: 'Ganhos', EARN_PENDING: 'Ganhos (pendentes)', CONFIRMED: 'Confirmados',
      REDEEM_RESERVE: 'Reservados no checkout', REDEEM_COMMIT: 'Resgatados', REDEEM_RELEASE: 'Liberados',
      REDEEM_RETURN: 'Devolvidos', CLAWBACK: 'Estornados', DEBT: 'Em d\u00e9bito', EXPIRE: 'Expirados',
      ADJUST: 'Ajuste', REFERRAL_BONUS: 'B\u00f4nus de indica\u00e7\u00e3o', IMPORT: 'Importados',
      have: 'Voc\u00ea tem {x}.', reward: 'Recompensa', usePts: 'Pontos a usar', apply: 'Aplicar', remove: 'Remover',
      applied: 'Você usou {x}: {d}.', removed: 'Pontos removidos deste pedido.',
      dOff: '{v} de desconto', dShip: 'frete grátis', dProduct: 'um produto grátis', dCredit: '{v} em crédito',
      'f_*': 'Todos os e-mails de marketing', f_welcome: 'Boas-vindas', 'f_abandoned-cart': 'Itens esquecidos no carrinho',
      'f_browse-abandonment': 'Produtos que você viu', 'f_order-thank-you': 'Agradecimento pelo pedido',
      'f_review-request': 'Pedidos de avaliação', 'f_win-back': 'Ofertas de reencontro', f_replenishment: 'Lembretes de reposição',
      'f_back-in-stock': 'De volta ao estoque', 'f_new-arrivals': 'Novidades', f_birthday: 'Presentes de aniversário',
      'f_referral-invitation': 'Convites para indicar amigos',
      noReward: 'Pagar com pontos', link: 'Seu link de indica\u00e7\u00e3o', copy: 'Copiar link',
      copied: 'Link copiado.', share: 'Compartilhar:', email: 'E-mail',
      friends: {one: '{n} amigo indicado', other: '{n} amigos indicados'}, earned: 'Voc\u00ea ganhou {x}.',
      shareText: 'Um presente para a sua primeira compra:', inStock: 'Em estoque', outStock: 'Esgotado',
      add: 'Adicionar ao carrinho', noReco: 'Nenhuma sugest\u00e3o no momento.',
      nps: 'Qual a probabilidade de voc\u00ea nos recomendar a um amigo?', low: '0 = Nada prov\u00e1vel',
      high: '10 = Muito prov\u00e1vel', comment: 'Quer nos contar algo mais? (opcional)', send: 'Enviar',
      thanks: 'Obrigado pela sua opini\u00e3o!', expired: 'Este link de pesquisa expirou.',
      pick: 'Escolha uma nota de 0 a 10.', message: 'Mensagem', save: 'Salvar prefer\u00eancias',
      saved: 'Prefer\u00eancias salvas.', unsubAll: 'Cancelar todas as inscri\u00e7\u00f5es',
      earnCart: 'Cadastre-se e ganhe {x} neste pedido.', earnAny: 'Cadastre-se para ganhar pontos em todas as compras.',
      earnMember: 'Este pedido rende {x}.', join: 'Cadastre-se', signIn: 'Entrar', close: 'Fechar',
      joinShort: 'Ganhe pontos'
    },
    ro: {
      loading: 'Se \u00eencarc\u0103\u2026', error: 'Nu am putut \u00eenc\u0103rca acum.', retry: '\u00cencearc\u0103 din nou',
      t_panel: 'Recompensele tale', t_tier: 'Nivelul t\u0103u', t_rewards: 'Recompense pe care le po\u021bi folosi',
      t_redeem: 'Folose\u0219te-\u021bi punctele', t_history: 'Istoricul punctelor',
      t_referral: 'F\u0103-i o surpriz\u0103 unui prieten', t_product: 'Clien\u021bii au mai cump\u0103rat',
      t_cart: 'Cump\u0103rate frecvent \u00eempreun\u0103', t_home: 'Recomandate pentru tine',
      t_account: 'Recomandate pentru tine', t_nps: 'Spune-ne cum ne-am descurcat', t_prefs: 'Preferin\u021be e-mail',
      t_join: 'Intr\u0103 \u00een programul nostru de recompense',
      pts: {one: '{n} punct', few: '{n} puncte', other: '{n} de puncte'},
      balance: 'Disponibile', pending: '\u00cen a\u0219teptare', worth: 'Valoare', member: 'Membru {tier}',
      toNext: '\u00cf\u021bi mai trebuie {x} pentru nivelul {tier}', top: 'Ai ajuns la cel mai \u00eenalt nivel.',
      expiring: '{x} expir\u0103 pe {date}.', noRewards: '\u00cenc\u0103 nu ai recompense. Continu\u0103 s\u0103 aduni puncte!',
      redeem: 'Folose\u0219te', needMore: 'Mai ai nevoie de {x}', noHistory: '\u00cenc\u0103 nu ai activitate cu puncte.',
      more: 'Arat\u0103 mai multe', EARN: 'C\u00e2\u0219tigate', EARN_PENDING: 'C\u00e2\u0219tigate (\u00een a\u0219teptare)',
      CONFIRMED: 'Confirmate', REDEEM_RESERVE: 'Rezervate la plat\u0103', REDEEM_COMMIT: 'Folosite',
      REDEEM_RELEASE: 'Eliberate', REDEEM_RETURN: 'Returnate', CLAWBACK: 'Anulate', DEBT: 'Datorate',
      EXPIRE: 'Expirate', ADJUST: 'Ajustare', REFERRAL_BONUS: 'Bonus pentru recomandare', IMPORT: 'Importate',
      have: 'Ai {x}.', reward: 'Recompens\u0103', usePts: 'Puncte de folosit', apply: 'Aplic\u0103', remove: 'Elimin\u0103',
      applied: 'Ai folosit {x}: {d}.', removed: 'Punctele au fost eliminate din comand\u0103.',
      dOff: 'reducere de {v}', dShip: 'transport gratuit', dProduct: 'un produs gratuit', dCredit: '{v} credit \u00een magazin',
      'f_*': 'Toate e-mailurile de marketing', f_welcome: 'Mesaje de bun venit', 'f_abandoned-cart': 'Produse r\u0103mase \u00een co\u0219',
      'f_browse-abandonment': 'Produse pe care le-ai v\u0103zut', 'f_order-thank-you': 'Mul\u021bumiri pentru comand\u0103',
      'f_review-request': 'Cereri de recenzie', 'f_win-back': 'Oferte \u201eNe e dor de tine\u201d',
      f_replenishment: 'Mementouri de reaprovizionare', 'f_back-in-stock': 'Din nou \u00een stoc', 'f_new-arrivals': 'Nout\u0103\u021bi',
      f_birthday: 'Surprize de ziua ta', 'f_referral-invitation': 'Invita\u021bii de recomandare',
      noReward: 'Pl\u0103te\u0219te cu puncte', link: 'Linkul t\u0103u de recomandare', copy: 'Copiaz\u0103 linkul',
      copied: 'Link copiat.', share: 'Distribuie:', email: 'E-mail',
      friends: {one: '{n} prieten recomandat', few: '{n} prieteni recomanda\u021bi', other: '{n} de prieteni recomanda\u021bi'},
      earned: 'Ai c\u00e2\u0219tigat {x}.', shareText: 'Un cadou pentru prima ta comand\u0103:', inStock: '\u00cen stoc',
      outStock: 'Stoc epuizat', add: 'Adaug\u0103 \u00een co\u0219', noReco: 'Nicio sugestie deocamdat\u0103.',
      nps: 'C\u00e2t de probabil este s\u0103 ne recomanzi unui prieten?', low: '0 = Deloc probabil',
      high: '10 = Foarte probabil', comment: 'Vrei s\u0103 ne mai spui ceva? (op\u021bional)', send: 'Trimite',
      thanks: 'Mul\u021bumim pentru p\u0103rere!', expired: 'Acest link de sondaj a expirat.',
      pick: 'Alege o not\u0103 de la 0 la 10.', message: 'Mesaj', save: 'Salveaz\u0103 preferin\u021bele',
      saved: 'Preferin\u021bele au fost salvate.', unsubAll: 'Dezabonare de la toate',
      earnCart: '\u00censcrie-te \u0219i c\u00e2\u0219tigi {x} la aceast\u0103 comand\u0103.',
      earnAny: '\u00censcrie-te ca s\u0103 prime\u0219ti puncte la fiecare comand\u0103.',
      earnMember: 'Comanda aceasta \u00ee\u021bi aduce {x}.', join: '\u00censcrie-te', signIn: 'Autentificare',
      close: '\u00cenchide', joinShort: 'C\u00e2\u0219tig\u0103 puncte'
    },
    pl: {
      loading: '\u0141adowanie\u2026', error: 'Nie uda\u0142o si\u0119 teraz tego wczyta\u0107.', retry: 'Spr\u00f3buj ponownie',
      t_panel: 'Twoje nagrody', t_tier: 'Tw\u00f3j poziom', t_rewards: 'Nagrody do odebrania',
      t_redeem: 'Wykorzystaj punkty', t_history: 'Historia punkt\u00f3w', t_referral: 'Podaruj prezent znajomemu',
      t_product: 'Klienci kupili r\u00f3wnie\u017c', t_cart: 'Cz\u0119sto kupowane razem', t_home: 'Polecane dla Ciebie',
      t_account: 'Polecane dla Ciebie', t_nps: 'Powiedz nam, jak nam posz\u0142o', t_prefs: 'Ustawienia e-maili',
      t_join: 'Do\u0142\u0105cz do programu nagr\u00f3d',
      pts: {one: '{n} punkt', few: '{n} punkty', many: '{n} punkt\u00f3w', other: '{n} punktu'},
      balance: 'Dost\u0119pne', pending: 'Oczekuj\u0105ce', worth: 'Warto\u015b\u0107', member: 'Poziom {tier}',
      toNext: 'Brakuje {x} do poziomu {tier}', top: 'Masz najwy\u017cszy poziom.',
      expiring: '{x} wygasa {date}.', noRewards: 'Nie masz jeszcze nagr\u00f3d. Zbieraj dalej!', redeem: 'Odbierz',
      needMore: 'Brakuje {x}', noHistory: 'Brak operacji na punktach.', more: 'Poka\u017c wi\u0119cej',
      EARN: 'Zdobyte', EARN_PENDING: 'Zdobyte (oczekuj\u0105ce)', CONFIRMED: 'Potwierdzone',
      REDEEM_RESERVE: 'Zarezerwowane w kasie', REDEEM_COMMIT: 'Wykorzystane', REDEEM_RELEASE: 'Zwolnione',
      REDEEM_RETURN: 'Zwr\u00f3cone', CLAWBACK: 'Cofni\u0119te', DEBT: 'Zad\u0142u\u017cenie', EXPIRE: 'Wygas\u0142e',
      ADJUST: 'Korekta', REFERRAL_BONUS: 'Premia za polecenie', IMPORT: 'Zaimportowane',
      have: 'Masz {x}.', reward: 'Nagroda', usePts: 'Punkty do wykorzystania', apply: 'Zastosuj', remove: 'Usu\u0144',
      applied: 'Wykorzystano {x}: {d}.', removed: 'Punkty usuni\u0119te z zam\u00f3wienia.',
      dOff: 'rabat {v}', dShip: 'darmowa dostawa', dProduct: 'darmowy produkt', dCredit: '{v} na koncie w sklepie',
      'f_*': 'Wszystkie e-maile marketingowe', f_welcome: 'Wiadomo\u015bci powitalne', 'f_abandoned-cart': 'Produkty w porzuconym koszyku',
      'f_browse-abandonment': 'Ogl\u0105dane produkty', 'f_order-thank-you': 'Podzi\u0119kowania za zam\u00f3wienie',
      'f_review-request': 'Pro\u015bby o opini\u0119', 'f_win-back': 'Oferty \u201eT\u0119sknimy za Tob\u0105\u201d',
      f_replenishment: 'Przypomnienia o uzupe\u0142nieniu zapas\u00f3w', 'f_back-in-stock': 'Ponownie dost\u0119pne',
      'f_new-arrivals': 'Nowo\u015bci', f_birthday: 'Urodzinowe niespodzianki', 'f_referral-invitation': 'Zaproszenia do polecania',
      noReward: 'Zap\u0142a\u0107 punktami', link: 'Tw\u00f3j link polecaj\u0105cy', copy: 'Kopiuj link',
      copied: 'Link skopiowany.', share: 'Udost\u0119pnij:', email: 'E-mail',
      friends: 'Poleceni znajomi: {n}', earned: 'Zdoby\u0142e\u015b(-a\u015b) {x}.',
      shareText: 'Prezent na Twoje pierwsze zam\u00f3wienie:', inStock: 'Dost\u0119pny', outStock: 'Niedost\u0119pny',
      add: 'Dodaj do koszyka', noReco: 'Na razie nie mamy propozycji.',
      nps: 'Jak bardzo prawdopodobne jest, \u017ce polecisz nas znajomemu?', low: '0 = Zupe\u0142nie nieprawdopodobne',
      high: '10 = Bardzo prawdopodobne', comment: 'Chcesz nam co\u015b przekaza\u0107? (opcjonalnie)', send: 'Wy\u015blij',
      thanks: 'Dzi\u0119kujemy za opini\u0119!', expired: 'Ten link do ankiety wygas\u0142.',
      pick: 'Wybierz ocen\u0119 od 0 do 10.', message: 'Wiadomo\u015b\u0107', save: 'Zapisz ustawienia',
      saved: 'Ustawienia zapisane.', unsubAll: 'Wypisz mnie ze wszystkich',
      earnCart: 'Do\u0142\u0105cz i zdob\u0105d\u017a {x} za to zam\u00f3wienie.',
      earnAny: 'Do\u0142\u0105cz, aby zbiera\u0107 punkty za ka\u017cde zam\u00f3wienie.',
      earnMember: 'To zam\u00f3wienie da Ci {x}.', join: 'Do\u0142\u0105cz', signIn: 'Zaloguj si\u0119', close: 'Zamknij',
      joinShort: 'Zbieraj punkty'
    }
  };

  /** One of the four languages for a BCP 47 tag: any Portuguese is pt-BR, anything unknown is en. */
  const pickLang = (tag) => {
    const base = String(tag || 'en').replace('_', '-').split('-')[0].toLowerCase();
    return base === 'pt' ? 'pt-BR' : (M[base] && base !== 'pt-BR' ? base : 'en');
  };

  /** Formatting and texts for one language. */
  const i18n = (lang) => {
    const nf = new Intl.NumberFormat(lang);
    const pr = new Intl.PluralRules(lang);
    const df = new Intl.DateTimeFormat(lang, {dateStyle: 'medium'});
    const t = (key, vars = {}) => {
      let s = M[lang][key] !== undefined ? M[lang][key] : M.en[key];
      if (s && typeof s === 'object') s = s[pr.select(Number(vars.n))] || s.other;
      if (s === undefined) return key;
      return s.replace(/\{(\w+)\}/g, (m, k) => (k === 'n' ? nf.format(Number(vars.n)) : (vars[k] !== undefined ? String(vars[k]) : m)));
    };
    return {
      lang, t,
      num: (n) => nf.format(Number(n) || 0),
      pts: (n) => t('pts', {n: Number(n) || 0}),
      money: (amount, currency) => {
        try {
          return new Intl.NumberFormat(lang, {style: 'currency', currency: currency || 'USD'}).format(Number(amount));
        } catch (e) {
          return nf.format(Number(amount)) + ' ' + currency;
        }
      },
      date: (iso) => { const d = new Date(iso); return isNaN(d) ? '' : df.format(d); }
    };
  };

  /* ---- DOM helpers: text only, never markup from data ---- */
  const h = (tag, attrs, ...kids) => {
    const el = D.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') el.textContent = String(v);
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k === 'cls' ? 'class' : k, v === true ? '' : String(v));
    }
    for (const kid of kids.flat()) {
      if (kid !== null && kid !== undefined && kid !== false) el.appendChild(typeof kid === 'object' ? kid : D.createTextNode(String(kid)));
    }
    return el;
  };
  /** Only http(s) or same-site links from data are followed (no javascript: or data: URLs). */
  const safeUrl = (u) => {
    if (!u) return null;
    const s = String(u).replace(/[\u0000-\u0020\u007f]/g, '');
    return /^(https?:\/\/|\/(?!\/)|\.{0,2}\/|\?|#)/i.test(s) || !/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : null;
  };
  const list = (d, ...keys) => Array.isArray(d) ? d : (keys.map((k) => d && d[k]).find(Array.isArray) || []);
  let seq = 0;
  const uid = (p) => 'rk-' + p + '-' + (++seq);

  /* ---- HTTP ---- */
  const meta = (name) => { const m = D.querySelector('meta[name="' + name + '"]'); return m && m.getAttribute('content'); };
  /** The CSRF header for a state-changing call: Spring's meta tags first, else the XSRF-TOKEN cookie. */
  const csrfHeaders = () => {
    const token = meta('_csrf');
    if (token) return {[meta('_csrf_header') || 'X-CSRF-TOKEN']: token};
    const c = D.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return c ? {'X-XSRF-TOKEN': decodeURIComponent(c[1])} : {};
  };
  const api = async (el, path, opt = {}) => {
    const method = opt.method || 'GET';
    const headers = {Accept: 'application/json'};
    if (opt.body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') Object.assign(headers, csrfHeaders());
    const res = await fetch((cfg('api', el) || '/retention/api') + path, {
      method, headers, credentials: 'include', keepalive: !!opt.keepalive,
      body: opt.body === undefined ? undefined : JSON.stringify(opt.body)
    });
    if (!res.ok) {
      let problem = {};
      try { problem = await res.json(); } catch (e) { /* not JSON */ }
      const err = new Error(problem.detail || res.statusText);
      err.status = res.status;
      err.problem = problem;
      throw err;
    }
    return res.status === 204 ? null : res.json().catch(() => null);
  };

  /* ---- the widget frame ---- */
  /** Finds or builds heading + live body (JS-only hosts get the same shell the Thymeleaf fragments render). */
  const frame = (el, x) => {
    let body = el.querySelector('.rk-body');
    if (!body) {
      const type = el.dataset.retentionWidget;
      el.classList.add('rk');
      if (type !== 'points-badge') {
        const title = type === 'recommendations' ? 't_' + (el.dataset.placement || 'home') : 't_' + ({
          'loyalty-panel': 'panel', 'tier-progress': 'tier', 'redeem-at-checkout': 'redeem', 'nps-survey': 'nps',
          preferences: 'prefs', 'join-prompt': 'join'}[type] || type);
        const id = uid('h');
        el.setAttribute('aria-labelledby', id);
        el.appendChild(h('h2', {cls: 'rk-h', id, text: x.t(title)}));
      }
      body = el.appendChild(h(type === 'points-badge' ? 'span' : 'div', {cls: 'rk-body', 'aria-live': 'polite'}));
    }
    return body;
  };
  const fill = (body, ...kids) => {
    body.replaceChildren(...kids.flat().filter(Boolean));
    body.setAttribute('aria-busy', 'false');
    // A body whose content overflows its reserved height scrolls: keyboard users must be able to reach it.
    if (body.scrollHeight > body.clientHeight + 1) body.tabIndex = 0;
    else body.removeAttribute('tabindex');
  };
  const status = () => h('p', {cls: 'rk-status', role: 'status'});
  const say = (node, text, ok) => { node.className = 'rk-status ' + (ok ? 'rk-ok' : 'rk-err'); node.textContent = text; };
  const emit = (el, name, detail) => el.dispatchEvent(new CustomEvent('retention:' + name, {bubbles: true, detail}));

  /** What a guest sees instead of their own numbers: join / sign in, with the points this cart would earn. */
  const joinPrompt = async (el, x, signedIn) => {
    const total = cfg('cartTotal', el);
    let points = null;
    if (total) {
      try {
        const d = await api(el, '/loyalty/estimate?cartTotal=' + encodeURIComponent(total));
        points = d && (d.points !== undefined ? d.points : d.estimatedPoints);
      } catch (e) { /* the prompt still works without the estimate */ }
    }
    if (signedIn) return [h('p', {text: points === null ? x.t('earnAny') : x.t('earnMember', {x: x.pts(points)})})];
    const join = safeUrl(cfg('joinUrl', el));
    const signIn = safeUrl(cfg('signInUrl', el));
    return [
      h('p', {text: points === null ? x.t('earnAny') : x.t('earnCart', {x: x.pts(points)})}),
      h('p', {cls: 'rk-row'},
        join && h('a', {cls: 'rk-btn', href: join, text: x.t('join')}),
        signIn && h('a', {cls: 'rk-btn rk-secondary', href: signIn, text: x.t('signIn')}))
    ];
  };

  /** Error, guest and retry handling around one widget's render function. */
  const run = async (el, render) => {
    const x = i18n(pickLang((el.closest('[lang]') || {}).lang || (D.documentElement.lang) || (W.navigator && navigator.language)));
    const body = frame(el, x);
    body.setAttribute('aria-busy', 'true');
    try {
      await render(el, body, x);
    } catch (e) {
      if (e.status === 401) {
        if (el.dataset.retentionWidget === 'points-badge') {
          fill(body, x.t('joinShort'));
          const join = safeUrl(cfg('joinUrl', el));
          if (join) el.setAttribute('href', join);
        } else {
          fill(body, await joinPrompt(el, x, false));
        }
        return;
      }
      fill(body, h('p', {cls: 'rk-err', role: 'alert', text: e.status === 404 || e.status === 410 ? x.t(
        el.dataset.retentionWidget === 'nps-survey' ? 'expired' : 'error') : x.t('error')}),
        e.status === 404 || e.status === 410 ? null : h('button', {type: 'button', cls: 'rk-btn rk-secondary',
          text: x.t('retry'), onclick: () => run(el, render)}));
    }
  };

  /* ---- widgets ---- */
  const tierBlock = (s, x) => {
    const q = Number(s.qualifying) || 0;
    const r = Number(s.remaining) || 0;
    const pct = s.nextTier ? Math.max(0, Math.min(100, Math.round(q * 100 / ((q + r) || 1)))) : 100;
    const money = /spend|money/i.test(s.tierBasis || s.qualifyingBasis || '');
    const rest = money ? x.money(r, s.currency || cfg('currency')) : x.pts(r);
    const label = s.nextTier ? x.t('toNext', {x: rest, tier: s.nextTier}) : x.t('top');
    const id = uid('tier');
    return h('div', {cls: 'rk-tierblock'},
      h('p', {}, h('strong', {text: s.tier ? x.t('member', {tier: s.tier}) : ''})),
      h('div', {cls: 'rk-bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct,
        'aria-labelledby': id}, h('span', {style: 'width:' + pct + '%'})),
      h('p', {cls: 'rk-muted', id, text: label}));
  };

  const rewardList = (el, rewards, summary, x) => {
    if (!rewards.length) return h('p', {cls: 'rk-muted', text: x.t('noRewards')});
    const checkout = cfg('checkoutId', el);
    const redeemUrl = safeUrl(cfg('redeemUrl', el));
    const note = status();
    const ul = h('ul', {cls: 'rk-list'}, rewards.map((o) => {
      const r = o.reward || o;
      const cost = Number(r.pointsCost !== undefined ? r.pointsCost : r.points) || 0;
      const short = Math.max(0, cost - (Number(summary.balance) || 0));
      let action;
      if (short > 0) {
        action = h('span', {cls: 'rk-muted', text: x.t('needMore', {x: x.pts(short)})});
      } else if (checkout) {
        action = h('button', {type: 'button', cls: 'rk-btn', text: x.t('redeem'), 'aria-label': x.t('redeem') + ': ' + r.name,
          onclick: async (ev) => {
            ev.target.disabled = true;
            try {
              const res = await api(el, '/loyalty/redemptions', {method: 'POST', body: {checkoutId: checkout, rewardId: r.id, cartTotal: cfg('cartTotal', el) || null}});
              say(note, x.t('applied', {x: x.pts(res && res.points || cost), d: discountText(res, x, el) || r.name}), true);
              emit(el, 'redemption', {checkoutId: checkout, reservation: res});
            } catch (e) {
              say(note, e.problem && e.problem.detail || x.t('error'), false);
            } finally { ev.target.disabled = false; }
          }});
      } else if (redeemUrl) {
        action = h('a', {cls: 'rk-btn', href: redeemUrl + (redeemUrl.includes('?') ? '&' : '?') + 'rk-reward=' + encodeURIComponent(r.id),
          text: x.t('redeem'), 'aria-label': x.t('redeem') + ': ' + r.name});
      }
      return h('li', {}, h('span', {}, r.name, h('small', {text: x.pts(cost)})), action);
    }));
    return [ul, note];
  };

  const historyList = (el, x) => {
    const ul = h('ul', {cls: 'rk-list'});
    const wrap = h('div', {}, ul);
    let page = 0;
    const load = async () => {
      const d = await api(el, '/loyalty/history?page=' + page);
      const entries = list(d, 'entries', 'items', 'content');
      if (page === 0 && !entries.length) ul.replaceWith(h('p', {cls: 'rk-muted', text: x.t('noHistory')}));
      for (const e of entries) {
        const p = Number(e.points) || 0;
        const pend = Number(e.pendingPoints) || 0;
        const shown = p || pend;
        ul.appendChild(h('li', {},
          h('span', {}, x.t(e.type) === e.type ? (e.type || '') : x.t(e.type), e.reason ? h('small', {text: e.reason}) : null,
            h('small', {text: x.date(e.createdAt || e.occurredAt)})),
          h('span', {cls: shown < 0 ? 'rk-minus' : 'rk-plus', text: (shown > 0 ? '+' : '') + x.pts(shown)})));
      }
      const more = wrap.querySelector('.rk-more');
      if (more) more.remove();
      const hasMore = d && (d.hasMore === true || d.last === false || (d.total !== undefined && (page + 1) * (d.size || 20) < d.total));
      if (hasMore) {
        wrap.appendChild(h('button', {type: 'button', cls: 'rk-btn rk-secondary rk-more', text: x.t('more'),
          onclick: () => { page++; load().catch(() => {}); }}));
      }
    };
    return load().then(() => wrap);
  };

  /** The reservation's discount in words; loyalty describes it as e.g. "AMOUNT_OFF 5.00 EUR" or "FREE_SHIPPING". */
  const discountText = (res, x, el) => {
    const d = res && res.discount;
    const cur = cfg('currency', el);
    if (d && typeof d === 'object') return x.t('dOff', {v: x.money(d.amount, d.currency || cur)});
    const [kind, value, currency] = String(d || '').split(' ');
    if (kind === 'AMOUNT_OFF') return x.t('dOff', {v: x.money(value, currency || cur)});
    if (kind === 'PERCENT_OFF') return x.t('dOff', {v: new Intl.NumberFormat(x.lang, {style: 'percent', maximumFractionDigits: 2}).format(value / 100)});
    if (kind === 'FREE_SHIPPING') return x.t('dShip');
    if (kind === 'FREE_PRODUCT') return x.t('dProduct');
    if (kind === 'STORE_CREDIT') return x.t('dCredit', {v: x.money(value, cur)});
    return d ? String(d) : '';
  };

  const widgets = {
    'points-badge': async (el, body, x) => {
      const s = await api(el, '/loyalty/summary');
      fill(body, x.pts(s.balance));
    },

    'loyalty-panel': async (el, body, x) => {
      const [s, rewards, history] = await Promise.all([api(el, '/loyalty/summary'),
        api(el, '/loyalty/rewards').then((d) => list(d, 'rewards', 'items')).catch(() => []),
        historyList(el, x).catch(() => h('p', {cls: 'rk-muted', text: x.t('error')}))]);
      const cur = s.currency || cfg('currency', el);
      fill(body,
        h('div', {cls: 'rk-stats'},
          h('div', {cls: 'rk-stat'}, h('b', {text: x.num(s.balance)}), h('span', {text: x.t('balance')})),
          h('div', {cls: 'rk-stat'}, h('b', {text: x.num(s.pending)}), h('span', {text: x.t('pending')})),
          s.balanceValue !== undefined && s.balanceValue !== null ? h('div', {cls: 'rk-stat'},
            h('b', {text: x.money(s.balanceValue, cur)}), h('span', {text: x.t('worth')})) : null),
        tierBlock(s, x),
        Number(s.expiringSoon) > 0 ? h('p', {cls: 'rk-warn', text: x.t('expiring', {x: x.pts(s.expiringSoon), date: x.date(s.expiringBy)})}) : null,
        h('h3', {cls: 'rk-h3', text: x.t('t_rewards')}), rewardList(el, rewards, s, x),
        h('h3', {cls: 'rk-h3', text: x.t('t_history')}), history);
    },

    'tier-progress': async (el, body, x) => fill(body, tierBlock(await api(el, '/loyalty/summary'), x)),

    rewards: async (el, body, x) => {
      const [s, d] = await Promise.all([api(el, '/loyalty/summary'), api(el, '/loyalty/rewards')]);
      fill(body, h('p', {text: x.t('have', {x: x.pts(s.balance)})}), rewardList(el, list(d, 'rewards', 'items'), s, x));
    },

    history: async (el, body, x) => fill(body, await historyList(el, x)),

    'redeem-at-checkout': async (el, body, x) => {
      const total = cfg('cartTotal', el);
      const [s, d] = await Promise.all([api(el, '/loyalty/summary'), api(el, '/loyalty/rewards' + (total ? '?cartTotal=' + encodeURIComponent(total) : ''))]);
      const checkout = cfg('checkoutId', el);
      const rewards = list(d, 'rewards', 'items').map((o) => o.reward || o).filter((r) => Number(r.pointsCost) <= Number(s.balance));
      const note = status();
      const selId = uid('sel');
      const ptsId = uid('pts');
      const preset = new URLSearchParams(W.location ? location.search : '').get('rk-reward');
      const select = h('select', {id: selId, cls: 'rk-input'}, h('option', {value: '', text: x.t('noReward')}),
        rewards.map((r) => h('option', {value: r.id, selected: r.id === preset, text: r.name + ' (' + x.pts(r.pointsCost) + ')'})));
      const input = h('input', {id: ptsId, cls: 'rk-input', type: 'number', min: 1, max: s.balance, step: 1, inputmode: 'numeric'});
      const remove = h('button', {type: 'button', cls: 'rk-btn rk-secondary', text: x.t('remove'), onclick: async () => {
        try {
          await api(el, '/loyalty/redemptions/' + encodeURIComponent(checkout), {method: 'DELETE'});
          say(note, x.t('removed'), true);
          emit(el, 'redemption', {checkoutId: checkout, reservation: null});
        } catch (e) { say(note, e.problem && e.problem.detail || x.t('error'), false); }
      }});
      const form = h('form', {cls: 'rk-redeemform', onsubmit: async (ev) => {
        ev.preventDefault();
        const body = {checkoutId: checkout, cartTotal: total || null};
        if (select.value) body.rewardId = select.value;
        else body.points = Number(input.value);
        if (!select.value && !(Number(input.value) > 0)) { say(note, x.t('usePts') + ': 1\u2013' + x.num(s.balance), false); input.focus(); return; }
        try {
          const res = await api(el, '/loyalty/redemptions', {method: 'POST', body});
          say(note, x.t('applied', {x: x.pts(res && res.points !== undefined ? res.points : body.points), d: discountText(res, x, el)}), true);
          emit(el, 'redemption', {checkoutId: checkout, reservation: res});
        } catch (e) { say(note, e.problem && e.problem.detail || x.t('error'), false); }
      }},
      h('p', {text: x.t('have', {x: x.pts(s.balance)})}),
      h('p', {cls: 'rk-row'}, h('label', {for: selId, text: x.t('reward')}), select),
      h('p', {cls: 'rk-row'}, h('label', {for: ptsId, text: x.t('usePts')}), input),
      h('p', {cls: 'rk-row'}, h('button', {type: 'submit', cls: 'rk-btn', text: x.t('apply')}), remove), note);
      fill(body, form);
    },

    referral: async (el, body, x) => {
      const r = await api(el, '/referral');
      const id = uid('ref');
      const link = String(r.link || '');
      const note = status();
      const field = h('input', {id, cls: 'rk-input', type: 'text', readonly: true, value: link});
      const copy = async () => {
        try { await navigator.clipboard.writeText(link); } catch (e) { field.select(); D.execCommand('copy'); }
        say(note, x.t('copied'), true);
      };
      const msg = x.t('shareText') + ' ' + link;
      const shares = [[x.t('email'), 'mailto:?subject=' + encodeURIComponent(x.t('t_referral')) + '&body=' + encodeURIComponent(msg)],
        ['WhatsApp', 'https://wa.me/?text=' + encodeURIComponent(msg)],
        ['X', 'https://twitter.com/intent/tweet?text=' + encodeURIComponent(msg)],
        ['Facebook', 'https://www.facebook.com/sharer/sharer.php?u=' + encodeURIComponent(link)]];
      const friends = Number(r.signedUp !== undefined ? r.signedUp : r.friendsReferred) || 0;
      fill(body,
        h('label', {for: id, text: x.t('link')}),
        h('div', {cls: 'rk-copy'}, field, h('button', {type: 'button', cls: 'rk-btn', text: x.t('copy'), onclick: copy})),
        note,
        h('p', {cls: 'rk-row'}, x.t('share'), shares.map(([name, href]) => h('a', {href, target: '_blank', rel: 'noopener', text: name}))),
        h('p', {text: x.t('friends', {n: friends})}),
        Number(r.pointsEarned) > 0 ? h('p', {text: x.t('earned', {x: x.pts(r.pointsEarned)})}) : null);
    },

    recommendations: async (el, body, x) => {
      const placement = el.dataset.placement || 'home';
      const q = new URLSearchParams({placement});
      const anchors = (el.dataset.productId || '').split(',').map((p) => p.trim()).filter(Boolean);
      anchors.forEach((p) => q.append('productId', p));
      // product and cart placements recommend around products: an empty cart has nothing to anchor on
      if (!anchors.length && (placement === 'product' || placement === 'cart')) return fill(body, h('p', {cls: 'rk-muted', text: x.t('noReco')}));
      q.set('limit', el.dataset.limit || '8');
      const d = await api(el, '/recommendations?' + q);
      const items = list(d, 'items');
      if (!items.length) return fill(body, h('p', {cls: 'rk-muted', text: x.t('noReco')}));
      const track = (kind, ids) => api(el, '/recommendations/events', {method: 'POST', keepalive: true,
        body: {type: kind, placement, productIds: ids}}).catch(() => {});
      const tmpl = cfg('addToCartUrl', el);
      const post = /^post$/i.test(cfg('addToCartMethod', el));
      const cards = items.map((it) => {
        const cur = it.currency || (d && d.currency) || cfg('currency', el);
        const url = safeUrl(it.url) || '#';
        const click = () => track('CLICK', [it.productId]);
        const inStock = it.inStock !== false;
        const addUrl = safeUrl(tmpl ? tmpl.replace('{productId}', encodeURIComponent(it.productId)) : (it.addToCartUrl || it.url));
        return h('li', {cls: 'rk-card'},
          h('a', {href: url, tabindex: -1, 'aria-hidden': 'true', onclick: click},
            h('img', {src: safeUrl(it.imageUrl) || '', alt: '', width: 160, height: 160, loading: 'lazy', decoding: 'async'})),
          h('a', {cls: 'rk-name', href: url, text: it.name, onclick: click}),
          h('span', {text: it.price !== undefined && it.price !== null ? x.money(it.price, cur) : ''}),
          h('span', {cls: 'rk-stock ' + (inStock ? 'rk-ok' : 'rk-err'), text: x.t(inStock ? 'inStock' : 'outStock')}),
          it.reason ? h('span', {cls: 'rk-reason', title: it.reason, text: it.reason}) : null,
          !inStock ? h('button', {type: 'button', cls: 'rk-btn', disabled: true, text: x.t('outStock')})
            : addUrl && (post ? h('form', {method: 'post', action: addUrl, cls: 'rk-add', onsubmit: click},
              h('input', {type: 'hidden', name: 'productId', value: it.productId}), h('input', {type: 'hidden', name: 'quantity', value: 1}),
              meta('_csrf') && h('input', {type: 'hidden', name: meta('_csrf_parameter') || '_csrf', value: meta('_csrf')}),
              h('button', {type: 'submit', cls: 'rk-btn', 'aria-label': x.t('add') + ': ' + it.name, text: x.t('add')}))
              : h('a', {cls: 'rk-btn', href: addUrl, onclick: click, 'aria-label': x.t('add') + ': ' + it.name, text: x.t('add')})));
      });
      const ul = h('ul', {cls: 'rk-track'}, cards);
      fill(body, ul);
      const ids = items.map((it) => it.productId);
      if (W.IntersectionObserver) {
        const io = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) { io.disconnect(); track('IMPRESSION', ids); }
        });
        io.observe(ul);
      } else {
        track('IMPRESSION', ids);
      }
    },

    'nps-survey': async (el, body, x) => {
      // the survey page opened from an e-mail carries ?token=..&score=.. (the score clicked in the e-mail)
      const query = new URLSearchParams(W.location ? location.search : '');
      const token = el.dataset.token || query.get('token');
      if (!token) { const e = new Error('no token'); e.status = 404; throw e; }
      const path = '/feedback/' + encodeURIComponent(token);
      const survey = await api(el, path);
      if (survey && (survey.answered || survey.status === 'ANSWERED')) return fill(body, h('p', {cls: 'rk-ok', text: x.t('thanks')}));
      const name = uid('nps');
      const cId = uid('c');
      const note = status();
      const scale = h('fieldset', {cls: 'rk-scale'}, h('legend', {text: (survey && survey.question) || x.t('nps')}),
        Array.from({length: 11}, (_, i) => h('label', {}, h('input', {type: 'radio', name, value: i, checked: query.get('score') === String(i), 'aria-label': String(i)}), h('span', {'aria-hidden': 'true', text: i}))));
      const comment = h('textarea', {id: cId, cls: 'rk-input', maxlength: 2000});
      const form = h('form', {onsubmit: async (ev) => {
        ev.preventDefault();
        const picked = form.querySelector('input[name="' + name + '"]:checked');
        if (!picked) { say(note, x.t('pick'), false); scale.querySelector('input').focus(); return; }
        try {
          await api(el, path, {method: 'POST', body: {score: Number(picked.value), comment: comment.value.trim() || null}});
          fill(body, h('p', {cls: 'rk-ok', tabindex: -1, text: x.t('thanks')}));
          body.firstChild.focus();
          emit(el, 'feedback', {score: Number(picked.value)});
        } catch (e) { say(note, e.status === 404 || e.status === 410 ? x.t('expired') : (e.problem && e.problem.detail) || x.t('error'), false); }
      }}, scale, h('p', {cls: 'rk-ends'}, h('span', {text: x.t('low')}), h('span', {text: x.t('high')})),
      h('label', {for: cId, text: x.t('comment')}), comment,
      h('p', {cls: 'rk-row'}, h('button', {type: 'submit', cls: 'rk-btn', text: x.t('send')})), note);
      fill(body, form);
    },

    preferences: async (el, body, x) => {
      const d = await api(el, '/preferences');
      const flows = d.flows || {};
      const channel = d.channel || 'email';
      const note = status();
      const boxes = Object.keys(flows).map((key) => {
        const label = x.t('f_' + key) === 'f_' + key ? key.replace(/[-_]+/g, ' ') : x.t('f_' + key);
        return {key, label, box: h('input', {type: 'checkbox', checked: flows[key] === true, 'aria-label': label + ' \u2013 ' + x.t('email')})};
      });
      const save = async () => {
        const wanted = {};
        boxes.forEach((b) => { wanted[b.key] = b.box.checked; });
        try {
          await api(el, '/preferences', {method: 'PUT', body: {channel, flows: wanted}});
          say(note, x.t('saved'), true);
        } catch (e) { say(note, e.problem && e.problem.detail || x.t('error'), false); }
      };
      fill(body, h('table', {cls: 'rk-table'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col', text: x.t('message')}), h('th', {scope: 'col', text: x.t('email')}))),
        h('tbody', {}, boxes.map((b) => h('tr', {}, h('th', {scope: 'row', text: b.label}), h('td', {}, b.box))))),
      h('p', {cls: 'rk-row'},
        h('button', {type: 'button', cls: 'rk-btn', text: x.t('save'), onclick: save}),
        h('button', {type: 'button', cls: 'rk-btn rk-secondary', text: x.t('unsubAll'), onclick: () => {
          boxes.forEach((b) => { b.box.checked = false; });
          save();
        }})), note);
    },

    'join-prompt': async (el, body, x) => {
      let signedIn = true;
      try { await api(el, '/loyalty/summary'); } catch (e) { if (e.status === 401) signedIn = false; else throw e; }
      if (el.dataset.exitIntent === 'true') {
        if (signedIn) return fill(body);
        fill(body, await joinPrompt(el, x, false));
        return exitIntent(el, x);
      }
      fill(body, await joinPrompt(el, x, signedIn));
    }
  };

  /** Off by default: shows the (hidden) join prompt once per session when the pointer leaves through the top. */
  const exitIntent = (el, x) => {
    const key = 'rk-exit-shown';
    const show = (ev) => {
      if (ev.relatedTarget || ev.clientY > 0 || sessionStorage.getItem(key)) return;
      sessionStorage.setItem(key, '1');
      D.removeEventListener('mouseout', show);
      const back = D.activeElement;
      const close = () => { el.hidden = true; D.removeEventListener('keydown', esc); if (back && back.focus) back.focus(); };
      const esc = (e) => { if (e.key === 'Escape') close(); };
      el.classList.add('rk-dialog');
      el.setAttribute('role', 'dialog');
      el.setAttribute('aria-modal', 'true');
      if (!el.querySelector('.rk-close')) el.appendChild(h('button', {type: 'button', cls: 'rk-close', 'aria-label': x.t('close'), text: '\u00d7', onclick: close}));
      el.hidden = false;
      D.addEventListener('keydown', esc);
      (el.querySelector('.rk-body a, .rk-close')).focus();
    };
    D.addEventListener('mouseout', show);
  };

  /** Renders every widget under root (default: the page), or only those of the given types. */
  const start = (root, types) => {
    (root || D).querySelectorAll('[data-retention-widget]').forEach((el) => {
      const type = el.dataset.retentionWidget;
      if (widgets[type] && (!types || types.includes(type))) run(el, widgets[type]);
    });
  };

  const internals = {M, pickLang, i18n, safeUrl, list, widgets, start, csrfHeaders};
  if (typeof module === 'object' && module.exports) {
    module.exports = internals;
    return;
  }
  if (!D.querySelector('link[data-retention-css]') && SCRIPT) {
    D.head.appendChild(h('link', {rel: 'stylesheet', 'data-retention-css': true, href: SCRIPT.src.replace(/\.js(\?.*)?$/, '.css')}));
  }
  W.RetentionKit = {refresh: start};
  D.addEventListener('retention:refresh', () => start());
  // A redemption changes the balance: the badge, panel and tier follow without a page reload.
  D.addEventListener('retention:redemption', () => start(D, ['points-badge', 'loyalty-panel', 'tier-progress']));
  if (D.readyState === 'loading') D.addEventListener('DOMContentLoaded', () => start());
  else start();
})();
