### Données des offres d’assistance pour le site en français : noms et résumés
### des offres, libellés du comparatif, priorités, canaux d’assistance,
### ressources et régions. Chaque identifiant est utilisé dans content/*.yaml.
###
### Les libellés reprennent ceux de la page d’assistance en français de l’éditeur, que les
### clients connaissent (« Assistance principale du compte », « Gestion des remontées
### d’informations »…). Les quelques écarts sont signalés là où ils se trouvent.

## Offres

tier-paid-banner = Assistance payante ($)
tier-online = Assistance en ligne
tier-business = Assistance commerciale
tier-enterprise = Assistance aux entreprises
tier-elite = Assistance Elite
tier-online-summary = Des ressources en ligne en libre-service et une assistance en ligne aux heures d’ouverture, avec un accès limité au téléphone réservé aux problèmes de priorité 1.
tier-business-summary = Tout ce que propose l’Assistance en ligne, plus l’assistance principale du compte, l’assistance téléphonique en direct et la gestion des remontées d’informations pour vos demandes les plus pressantes.
tier-enterprise-summary = Un ingénieur d’assistance nommé, une assistance en ligne 24x5, des examens de service et des sessions d’experts chaque année, des examens de cas et des services de terrain ; l’assistance principale du compte de l’Assistance commerciale n’est pas comprise.
tier-elite-summary = Ajoute un gestionnaire de compte technique, la gestion des événements, l’examen, la maintenance et la surveillance de l’environnement, ainsi que l’examen des versions, migrations, mises à niveau et de la feuille de route du produit.

## Points forts de l’Assistance commerciale

highlight-account-support-lead = Assistance principale du compte
highlight-account-support-lead-description = Une personne attitrée suit vos cas de près, fait travailler les équipes ensemble, anime des webinaires de prise en main, établit des rapports de service et vous aide sur les questions non techniques. C’est aussi votre point de remontée au sein de l’assistance Adobe, où elle défend vos intérêts.
highlight-live-phone-support = Assistance téléphonique en direct
highlight-live-phone-support-description = Pendant les heures d’assistance de votre région, vous pouvez ouvrir par téléphone un cas pour tout problème P2, P3 ou P4, sans limite du nombre d’appels. Vous pouvez aussi demander à être rappelé, solliciter une réunion avec démonstration ou passer par une session de bureau à distance partagée pour résoudre le problème.
highlight-escalation-management = Gestion des remontées d’informations
highlight-escalation-management-description = Un contact désigné chez Adobe vous accompagne quand une demande doit remonter, vous tient régulièrement informé et veille à ce que vos demandes les plus urgentes encore ouvertes soient traitées en priorité.
highlight-business-services = Services commerciaux
highlight-business-services-description = La personne chargée de l’assistance principale de votre compte organise un webinaire qui présente dans les grandes lignes les services de l’Assistance commerciale.

## Comparatif : groupes de fonctionnalités

group-assigned-experts = Experts assignés
group-support-services = Services d’assistance
group-field-services = Services de terrain

## Comparatif : fonctionnalités

feature-account-support-lead = Assistance principale du compte
feature-named-support-engineer = Ingénieur d’assistance nommé
feature-technical-account-manager = Gestionnaire de compte technique
feature-online-support = Assistance en ligne
feature-p1-support = Assistance en cas de problèmes P1 24x7x365
feature-named-support-contacts = Contacts d’assistance nommés (par produit)
feature-live-phone-support = Assistance téléphonique en direct
feature-escalation-management = Gestion des remontées d’informations
feature-service-reviews = Examens de service par an
feature-expert-sessions = Sessions d’experts par an
feature-case-reviews = Examens de cas
feature-event-management = Gestion des événements
feature-environment-review = Examen, maintenance et surveillance de l’environnement
feature-release-review = Version, migration, mise à niveau et examen de la feuille de route du produit
# La page de l’éditeur écrit « Experience Manager as Cloud » : le produit s’appelle
# Experience Manager as a Cloud Service, nom que gardent aussi les autres langues.
feature-cloud-support-activities = Activités d’assistance dans le Cloud – Experience Manager as a Cloud Service
feature-launch-advisory = Services Launch Advisory – Première année de la nouvelle solution
feature-field-service-activities = Activités du service de terrain

## Priorités

priority-p1 = Priorité 1
priority-p1-description = Les fonctions commerciales de production du client sont en panne, ou présentent une perte de données ou une dégradation importante du service. Il faut intervenir sans attendre pour rétablir les fonctionnalités et l’accessibilité.
priority-p2 = Priorité 2
priority-p2-description = Les fonctions commerciales du client présentent une dégradation importante du service ou risquent une perte de données, ou bien une fonctionnalité majeure est touchée.
priority-p3 = Priorité 3
priority-p3-description = Les fonctions commerciales du client présentent une dégradation mineure du service, mais une solution ou un contournement leur permet de continuer à fonctionner normalement.
priority-p4 = Priorité 4
priority-p4-description = Une question d’ordre général sur le fonctionnement actuel du produit, ou une demande d’amélioration.

## Canaux d’assistance

channel-community-forums = Forums de la communauté
channel-community-forums-kind = Forums en ligne
channel-community-forums-description = Un accès en ligne permanent à une base sans cesse enrichie de solutions techniques, de documentation produit, de questions fréquentes et plus encore. Échangez bonnes pratiques et retours d’expérience avec les professionnels de la communauté Adobe et d’autres clients.
# La page de l’éditeur intitule ce canal « Heures d’ouverture », mais nomme le programme
# « Office Hours » dans sa description : le nom du programme est gardé ici, car « Heures
# d’ouverture » désigne déjà la plage de couverture (coverage-business-hours) des tableaux.
channel-office-hours = Office Hours
channel-office-hours-kind = Webinaires
channel-office-hours-description = Office Hours est un programme animé par l’équipe du service clientèle Adobe. Ses sessions informent les participants, les aident à résoudre leurs problèmes et partagent des conseils et astuces pour tirer le meilleur des solutions Adobe.
channel-experience-league = Experience League
channel-experience-league-kind = Parcours auto-guidés
channel-experience-league-description = Experience League accompagne les Experience Makers. Grâce à un apprentissage personnalisé, les clients développent leurs compétences en gestion de l’expérience client, rejoignent une communauté mondiale de pairs et obtiennent une reconnaissance professionnelle.
channel-self-help-portal = Portail d’aide automatique
channel-self-help-portal-kind = Portail d’assistance 24/7
channel-self-help-portal-description = Un accès à la demande au portail d’assistance d’aide automatique en ligne, pour envoyer des demandes d’assistance, examiner le statut de vos cas et consulter d’autres ressources comme la base de connaissances, les actualités et les alertes ou les conseils présentés.
channel-live-chat = Assistance de messagerie instantanée *
channel-live-chat-kind = Assistance de conversation
channel-live-chat-description = Démarrez une session de conversation pour obtenir des réponses et de l’aide lors de l’envoi de votre cas.
channel-live-chat-footnote = * La messagerie instantanée n’est pas proposée pour tous les produits.
channel-phone = P1 24x7x365
channel-phone-kind = Assistance téléphonique
channel-phone-description = Les utilisateurs autorisés et les contacts d’assistance nommés peuvent signaler un problème par tous les canaux disponibles, téléphone compris pour les problèmes P1, et collaborer avec notre équipe d’assistance technique pour le compte de votre entreprise.

## Ressources

resource-experience-league = Experience League
resource-experience-league-description = Experience League est le moyen par lequel Adobe aide les entreprises à tirer de leur investissement dans Adobe la valeur qu’elles en attendent. C’est un lieu unique où les clients apprennent, échangent entre eux et progressent sur un parcours personnalisé vers la réussite, avec des tutoriels en autonomie, la documentation des produits, des formations avec formateur, ainsi qu’une communauté et une assistance technique.
resource-training = Formation
resource-training-description = Experience League donne accès aux cours des services de formation numérique d’Adobe, qui réunissent cours à la demande et cours avec formateur. Vous y acquérez des compétences reconnues sur le marché et les mettez au service de la réussite de votre organisation.
resource-status = Problèmes de production et panne du système
resource-status-description = Status.adobe.com indique l’état de santé de tous les produits et services Adobe déployés dans des environnements multi-entité. Les clients peuvent régler leurs préférences d’abonnement pour être prévenus par e-mail dès qu’Adobe ouvre, actualise ou résout un événement produit, par exemple une maintenance planifiée ou des problèmes de service de différents niveaux de gravité.
resource-business-support-site = Site de l’Assistance commerciale
resource-business-support-site-description = Le site Adobe de l’Assistance commerciale.
resource-terms = Termes et conditions
resource-terms-description = Les termes et conditions qui décrivent les offres de services d’assistance.

## Régions

regions-intro = La région d’assistance Adobe est déterminée en rapprochant l’adresse de facturation du client, telle qu’elle figure sur le bon de commande ou sur un autre document ayant servi à acheter l’assistance Adobe, de l’une des régions ci-dessous.
regions-global-services = Les services d’assistance mondiaux d’Adobe, y compris pour les produits Adobe, assurent une assistance 24 heures sur 24. Pour en savoir plus sur les offres d’assistance Adobe et le niveau qui vous convient, contactez votre responsable de compte nommé (NAM) ou votre responsable de la réussite client (CSM).
region-americas = Amériques
region-emea = Europe, Moyen-Orient et Afrique
region-apac = Asie-Pacifique
region-japan = Japon
region-note-japan-languages = L’assistance n’est assurée qu’en anglais et en japonais.
region-note-commerce-japanese = Adobe Commerce ne propose pas d’assistance en japonais.
region-note-japan-business-hours = Les cas P2, P3 et P4 ne sont traités que pendant les heures ouvrables au Japon.
