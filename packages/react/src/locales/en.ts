// English is built in: a widget falls back to its own English words. The pack is for hosts that switch
// languages and want to pass one explicitly (`messages={language === 'de' ? de : en}`).
export { defaultCreditMessages as en } from '../messages/default-messages';
